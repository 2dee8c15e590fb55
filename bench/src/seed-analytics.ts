import pg from "pg";

/**
 * A producer with a year of history, straight in SQL: `products` products with one lot each, 50
 * movements per product spread over the last 350 days (a RECEIPT of 500, then fulfilments, positive
 * adjustments and write-offs), one delivered order per day whose lines match the fulfilments, and
 * low-stock alerts (every fourth product, six 5-day episodes). The ledger is consistent: each lot's
 * on hand is the sum of its movements, and previous/new on hand run in time order.
 */
export async function seedAnalytics(url: string, options: { products: number; today: string }): Promise<{ producerId: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const producer = await client.query<{ id: string }>(
      `INSERT INTO "Producer" (id, name, slug, "orderPrefix") VALUES (gen_random_uuid(), 'Bench Analytics', 'bench-analytics', 'BA') RETURNING id`,
    );
    const producerId = producer.rows[0]?.id as string;
    const location = await client.query<{ id: string }>(
      `INSERT INTO "Location" (id, "producerId", name) VALUES (gen_random_uuid(), $1, 'Main store') RETURNING id`,
      [producerId],
    );
    await client.query(
      `INSERT INTO "Product" (id, "producerId", sku, name, category, "priceCents", "unitCostCents", "minStockLevel", "leadTimeDays", "updatedAt")
       SELECT gen_random_uuid(), $1, 'BA-' || lpad(g::text, 6, '0'), 'Analytics product ' || g, 'Category ' || (g % 30), 200 + g % 800, 100 + g % 50, 400, 7 + g % 14, now()
       FROM generate_series(1, $2::int) g`,
      [producerId, options.products],
    );
    // Day 0 is 360 days before today; movement k of product g happens on day (k-1)*7 + g%7.
    await client.query(
      `CREATE TEMP TABLE plan ON COMMIT DROP AS
       SELECT p.id AS product_id, p."priceCents" AS price, p.g, k,
              ($2::date - 360 + ((k - 1) * 7 + p.g % 7))::timestamp + make_interval(secs => (p.g * 37 + k * 101) % 86400) AS at,
              CASE WHEN k = 1 THEN 'RECEIPT' WHEN k % 10 = 0 THEN 'WRITE_OFF' WHEN k % 10 = 5 THEN 'ADJUSTMENT' ELSE 'FULFILMENT' END::"MovementType" AS type,
              CASE WHEN k = 1 THEN 500 WHEN k % 10 = 0 THEN -1 WHEN k % 10 = 5 THEN 2 ELSE -(1 + (p.g + k) % 3) END AS qty,
              CASE WHEN k % 20 = 0 THEN 'write-off: expired' WHEN k % 10 = 0 THEN 'write-off: damaged' ELSE 'bench' END AS reason
       FROM (SELECT id, "priceCents", row_number() OVER (ORDER BY sku)::int AS g FROM "Product" WHERE "producerId" = $1) p
       CROSS JOIN generate_series(1, 50) k`,
      [producerId, options.today],
    );
    await client.query(
      `INSERT INTO "Order" (id, "producerId", "producerNumber", reference, "cartId", status, "stockMovedAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1, 1000 + d, 'BA-' || (1000 + d), 'bench-analytics-' || d, 'DELIVERED', day, day, day
       FROM generate_series(0, 364) d CROSS JOIN LATERAL (SELECT ($2::date - 360 + d)::timestamp AS day) x`,
      [producerId, options.today],
    );
    await client.query(
      `INSERT INTO "Lot" (id, "producerId", "productId", "locationId", "lotNumber", "unitCostCents", "onHand", "expiryDate", "receivedAt")
       SELECT gen_random_uuid(), $1, product_id, $2, 'LOT-1', 100 + g % 50, SUM(qty), $3::date - 10 + g % 120, MIN(at)
       FROM plan GROUP BY product_id, g`,
      [producerId, location.rows[0]?.id, options.today],
    );
    await client.query(
      `INSERT INTO "Movement" ("lotId", "productId", "producerId", type, quantity, "previousOnHand", "newOnHand", "unitCostCents", reason, actor,
                               "referenceType", "referenceId", "createdAt")
       SELECT l.id, p.product_id, $1, p.type, p.qty, running - p.qty, running, l."unitCostCents", p.reason, 'system:bench',
              CASE WHEN p.type = 'FULFILMENT' THEN 'order' END, CASE WHEN p.type = 'FULFILMENT' THEN o.id::text END, p.at
       FROM (SELECT *, SUM(qty) OVER (PARTITION BY product_id ORDER BY at) AS running FROM plan) p
       JOIN "Lot" l ON l."productId" = p.product_id
       JOIN "Order" o ON o."producerId" = $1 AND o."cartId" = 'bench-analytics-' || (p.at::date - ($2::date - 360))
       ORDER BY p.at`,
      [producerId, options.today],
    );
    await client.query(
      `INSERT INTO "OrderLine" (id, "orderId", "productId", "producerId", quantity, "unitPriceCents")
       SELECT gen_random_uuid(), o.id, p.product_id, $1, -p.qty, p.price
       FROM plan p JOIN "Order" o ON o."producerId" = $1 AND o."cartId" = 'bench-analytics-' || (p.at::date - ($2::date - 360))
       WHERE p.type = 'FULFILMENT'`,
      [producerId, options.today],
    );
    await client.query(
      `INSERT INTO "LowStockAlert" (id, "productId", "producerId", status, "availableAtOpen", "minimumAtOpen", available, "openedAt", "resolvedAt")
       SELECT gen_random_uuid(), p.product_id, $1, CASE WHEN resolved > now() THEN 'OPEN' ELSE 'RESOLVED' END::"AlertStatus", 5, 400, 5, opened,
              CASE WHEN resolved <= now() THEN resolved END
       FROM (SELECT DISTINCT product_id, g FROM plan WHERE g % 4 = 0) p CROSS JOIN generate_series(0, 5) j
       CROSS JOIN LATERAL (SELECT ($2::date - 360 + j * 60 + p.g % 30)::timestamp + interval '3 hours' AS opened) x
       CROSS JOIN LATERAL (SELECT x.opened + interval '5 days 2 hours' AS resolved) y`,
      [producerId, options.today],
    );
    await client.query("COMMIT");
    await client.query("VACUUM ANALYZE");
    return { producerId };
  } finally {
    await client.end();
  }
}
