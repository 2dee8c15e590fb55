import type pg from "pg";
import { BIG_MINIMUM } from "./seed-catalog.ts";

/** Movements per lot over the year before the last ones that set the special lots' levels. */
const EVENTS_PER_LOT = 21;
const NOW = `(now() AT TIME ZONE 'UTC')`;
const TODAY = `${NOW}::date`;
/** A big product's kind, from its number g: `g % 50` (see seedHistory). */
const K = "(l.g % 50)";

/**
 * The big producer's lots and a year of their ledger, in a few big statements (temp tables hold the
 * plan, so every lot is inserted with the on hand its movements sum to). Products by `g % 50`:
 * 0-1 out (every lot written down to 0), 2-5 low (each lot adjusted to 3: 6 sellable < 25),
 * 6-9 an expired shop lot (written off down to 5), 10-14 a shop lot expiring within 30 days,
 * 20-22 in an open order (2 units of the shop lot), 23-24 held by a live cart (1 unit), 40-49 no
 * expiry. Every product has a shop and a warehouse lot, every third a back-store lot (not sellable).
 * Each lot: a receipt of 400, two restocks of 150, an adjustment, a damaged write-off and 16
 * fulfilments over the year; fulfilments of one day and product bucket form a DELIVERED order.
 */
export async function seedHistory(client: pg.Client, producerId: string): Promise<{ movements: number; orders: number }> {
  const run = (sql: string, values: unknown[] = []) => client.query(sql, values);
  await run(
    `CREATE TEMP TABLE bench_lot ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, l.*,
       CASE WHEN ${K} >= 40 THEN NULL
            WHEN l.loc_n = 1 AND ${K} BETWEEN 6 AND 9 THEN ${TODAY} - (1 + l.g % 30)
            WHEN l.loc_n = 1 AND ${K} BETWEEN 10 AND 14 THEN ${TODAY} + (1 + l.g % 29)
            ELSE ${TODAY} + (60 + l.g % 300) END AS expiry,
       CASE WHEN l.loc_n = 1 AND ${K} BETWEEN 20 AND 22 THEN 2 WHEN l.loc_n = 1 AND ${K} BETWEEN 23 AND 24 THEN 1 ELSE 0 END AS reserved
     FROM (SELECT p.id AS product_id, loc.id AS location_id, substring(p.sku from 5)::int AS g, p."unitCostCents" AS unit_cost, p."priceCents" AS price,
                  CASE loc.name WHEN 'Shop' THEN 1 WHEN 'Warehouse' THEN 2 ELSE 3 END AS loc_n
           FROM "Product" p JOIN "Location" loc ON loc."producerId" = p."producerId" WHERE p."producerId" = $1) l
     WHERE l.loc_n < 3 OR l.g % 3 = 0`,
    [producerId],
  );
  // d: the day (0-364) of the year; strictly increasing with n for a lot, the same for both lots of a product.
  await run(
    `CREATE TEMP TABLE bench_move ON COMMIT DROP AS
     SELECT m.*, ${NOW} - interval '365 days' + m.d * interval '1 day' + ((m.g * 37 + m.loc_n * 600) % 36000) * interval '1 second' AS created_at
     FROM (SELECT l.id AS lot_id, l.product_id, l.g, l.loc_n, n, (n - 1) * 17 + (l.g * 7 + n * 3) % 17 AS d,
             (CASE WHEN n IN (1, 7, 14) THEN 'RECEIPT' WHEN n = 10 THEN 'ADJUSTMENT' WHEN n = 17 THEN 'WRITE_OFF' ELSE 'FULFILMENT' END)::"MovementType" AS type,
             CASE WHEN n = 1 THEN 400 WHEN n IN (7, 14) THEN 150 WHEN n = 10 THEN (CASE WHEN l.g % 2 = 0 THEN 2 ELSE -2 END)
                  WHEN n = 17 THEN -1 ELSE -(1 + (l.g + n * 5 + l.loc_n) % 9) END AS quantity
           FROM bench_lot l CROSS JOIN generate_series(1, ${EVENTS_PER_LOT}) n) m`,
  );
  // The last movement of the special lots brings them to their level (out 0, low 3, expired 5).
  await run(
    `INSERT INTO bench_move (lot_id, product_id, g, loc_n, n, d, type, quantity, created_at)
     SELECT m.lot_id, m.product_id, m.g, m.loc_n, ${EVENTS_PER_LOT + 1}, 365,
            (CASE WHEN m.g % 50 < 6 THEN 'ADJUSTMENT' ELSE 'WRITE_OFF' END)::"MovementType",
            (CASE WHEN m.g % 50 < 2 THEN 0 WHEN m.g % 50 < 6 THEN 3 ELSE 5 END) - SUM(m.quantity), ${NOW} - interval '2 hours' + m.loc_n * interval '1 minute'
     FROM bench_move m WHERE m.g % 50 < 6 OR (m.g % 50 BETWEEN 6 AND 9 AND m.loc_n = 1)
     GROUP BY m.lot_id, m.product_id, m.g, m.loc_n`,
  );
  await run(
    `INSERT INTO "Lot" (id, "producerId", "productId", "locationId", "lotNumber", "expiryDate", "expiryBand", "unitCostCents", "onHand", reserved, "receivedAt", "createdAt")
     SELECT l.id, $1, l.product_id, l.location_id, 'L' || l.g || '-' || l.loc_n, l.expiry, stock_expiry_band(l.expiry, ${TODAY}), l.unit_cost, s.on_hand, l.reserved, s.first_at, s.first_at
     FROM bench_lot l JOIN (SELECT lot_id, SUM(quantity)::int AS on_hand, MIN(created_at) AS first_at FROM bench_move GROUP BY lot_id) s ON s.lot_id = l.id`,
    [producerId],
  );
  const orders = await seedOrders(run, producerId);
  await run(
    `INSERT INTO "Movement" ("lotId", "productId", "producerId", type, quantity, "previousOnHand", "newOnHand", "unitCostCents", reason, actor, "referenceType", "referenceId", "createdAt")
     SELECT m.lot_id, m.product_id, $1, m.type, m.quantity, m.running - m.quantity, m.running, l.unit_cost,
            CASE m.type WHEN 'FULFILMENT' THEN 'order ' || o.number || ' fulfilled' WHEN 'RECEIPT' THEN 'bench receipt'
                        WHEN 'ADJUSTMENT' THEN 'stock count' ELSE CASE WHEN m.n > ${EVENTS_PER_LOT} THEN 'write-off: expired' ELSE 'write-off: damaged' END END,
            CASE WHEN m.type = 'FULFILMENT' THEN 'system:bench-dispatch' ELSE 'system:bench' END,
            CASE m.type WHEN 'FULFILMENT' THEN 'order' WHEN 'RECEIPT' THEN 'lot' END,
            CASE m.type WHEN 'FULFILMENT' THEN o.id::text WHEN 'RECEIPT' THEN m.lot_id::text END, m.created_at
     FROM (SELECT *, SUM(quantity) OVER (PARTITION BY lot_id ORDER BY n) AS running FROM bench_move) m
     JOIN bench_lot l ON l.id = m.lot_id
     LEFT JOIN bench_order o ON m.type = 'FULFILMENT' AND o.d = m.d AND o.bucket = m.g % 100
     ORDER BY m.created_at, m.lot_id`,
    [producerId],
  );
  await seedAlerts(run, producerId);
  const movements = await run(`SELECT COUNT(*)::int AS n FROM bench_move`);
  return { movements: movements.rows[0]?.n as number, orders };
}

type Run = (sql: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** A year of DELIVERED orders (one per day and product bucket), 120 open orders and 800 live holds. */
async function seedOrders(run: Run, producerId: string): Promise<number> {
  await run(
    `CREATE TEMP TABLE bench_order ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, d, bucket, first_at, (1000 + row_number() OVER (ORDER BY first_at, d, bucket))::int AS number
     FROM (SELECT d, g % 100 AS bucket, MIN(created_at) AS first_at FROM bench_move WHERE type = 'FULFILMENT' GROUP BY 1, 2) o`,
  );
  const columns = `id, "producerId", "producerNumber", reference, "cartId", status, "stockMovedAt", "createdAt", "updatedAt"`;
  await run(
    `INSERT INTO "Order" (${columns})
     SELECT id, $1, number, 'BG-' || number, 'bench-order-' || number, 'DELIVERED', first_at, first_at - interval '1 hour', first_at FROM bench_order`,
    [producerId],
  );
  await run(
    `INSERT INTO "OrderLine" (id, "orderId", "productId", "producerId", quantity, "unitPriceCents", "fefoOptimal")
     SELECT gen_random_uuid(), o.id, m.product_id, $1, -SUM(m.quantity), MIN(l.price), true
     FROM bench_move m JOIN bench_lot l ON l.id = m.lot_id JOIN bench_order o ON o.d = m.d AND o.bucket = m.g % 100
     WHERE m.type = 'FULFILMENT' GROUP BY o.id, m.product_id`,
    [producerId],
  );
  await run(
    `CREATE TEMP TABLE bench_open ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, b AS bucket, (SELECT MAX(number) FROM bench_order) + 1 + b AS number FROM generate_series(0, 119) b`,
  );
  await run(
    `INSERT INTO "Order" (${columns})
     SELECT id, $1, number, 'BG-' || number, 'bench-open-' || number, (CASE WHEN bucket % 2 = 0 THEN 'PENDING' ELSE 'CONFIRMED' END)::"OrderStatus",
            NULL, ${NOW} - bucket * interval '3 minutes', ${NOW} FROM bench_open`,
    [producerId],
  );
  await run(
    `WITH lines AS (
       INSERT INTO "OrderLine" (id, "orderId", "productId", "producerId", quantity, "unitPriceCents")
       SELECT gen_random_uuid(), o.id, l.product_id, $1, l.reserved, l.price FROM bench_lot l JOIN bench_open o ON o.bucket = l.g % 120
       WHERE l.loc_n = 1 AND ${K} BETWEEN 20 AND 22 RETURNING id, "productId")
     INSERT INTO "OrderLineAllocation" ("orderLineId", "lotId", quantity)
     SELECT lines.id, l.id, l.reserved FROM lines JOIN bench_lot l ON l.product_id = lines."productId" AND l.loc_n = 1`,
    [producerId],
  );
  await run(`UPDATE "Producer" SET "lastOrderNumber" = (SELECT MAX(number) FROM bench_open) WHERE id = $1`, [producerId]);
  await run(
    `WITH holds AS (
       INSERT INTO "Hold" (id, "cartId", "productId", quantity, status, "expiresAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), 'bench-cart-' || (l.g % 97), l.product_id, l.reserved, 'HELD', ${NOW} + interval '2 hours', ${NOW}, ${NOW}
       FROM bench_lot l WHERE l.loc_n = 1 AND ${K} BETWEEN 23 AND 24 RETURNING id, "productId")
     INSERT INTO "HoldAllocation" ("holdId", "lotId", quantity)
     SELECT holds.id, l.id, l.reserved FROM holds JOIN bench_lot l ON l.product_id = holds."productId" AND l.loc_n = 1`,
  );
  const count = await run(`SELECT COUNT(*)::int AS n FROM "Order" WHERE "producerId" = $1`, [producerId]);
  return count.rows[0]?.n as number;
}

/** Open alerts for the out and low products; one resolved episode in the year for 13,600 others (the trend). */
async function seedAlerts(run: Run, producerId: string) {
  const columns = `id, "productId", "producerId", status, "availableAtOpen", "minimumAtOpen", available, "escalationLevel", "notifyCount", "openedAt", "lastNotifiedAt", "resolvedAt", "reachedZeroAt"`;
  await run(
    `INSERT INTO "LowStockAlert" (${columns})
     SELECT gen_random_uuid(), l.product_id, $1, 'OPEN', a.available, ${BIG_MINIMUM}, a.available, l.g % 3, 1 + l.g % 3,
            ${NOW} - (1 + l.g % 20) * interval '1 day', ${NOW} - interval '1 hour', NULL, CASE WHEN a.available = 0 THEN ${NOW} - interval '2 hours' END
     FROM (SELECT DISTINCT product_id, g FROM bench_lot) l CROSS JOIN LATERAL (SELECT CASE WHEN l.g % 50 < 2 THEN 0 ELSE 6 END AS available) a
     WHERE l.g % 50 < 6`,
    [producerId],
  );
  await run(
    `INSERT INTO "LowStockAlert" (${columns})
     SELECT gen_random_uuid(), l.product_id, $1, 'RESOLVED', 10, ${BIG_MINIMUM}, 30, 0, 1,
            ${NOW} - (12 + l.g % 350) * interval '1 day', ${NOW} - (12 + l.g % 350) * interval '1 day',
            ${NOW} - (12 + l.g % 350) * interval '1 day' + (1 + l.g % 10) * interval '1 day', NULL
     FROM (SELECT DISTINCT product_id, g FROM bench_lot) l WHERE l.g % 50 BETWEEN 6 AND 39`,
    [producerId],
  );
}
