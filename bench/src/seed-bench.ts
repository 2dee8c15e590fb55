import pg from "pg";

export interface BenchCatalog {
  producerId: string;
  hotProductId: string;
  limitedProductId: string;
  spreadProductIds: string[];
}

/**
 * Bench data straight in SQL (fast), keeping the stock invariants: every lot's on hand is explained
 * by a RECEIPT movement. Hot SKU with ample stock, a SKU with exactly `limited` units, `spread`
 * SKUs with ample stock, `catalogSize` products in all, and `historicalHolds` ended holds.
 */
export async function seedBench(
  url: string,
  options: { spread: number; limited: number; catalogSize: number; historicalHolds: number },
): Promise<BenchCatalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const producer = await client.query<{ id: string }>(
      `INSERT INTO "Producer" (id, name, slug) VALUES (gen_random_uuid(), 'Bench Producer', 'bench') RETURNING id`,
    );
    const producerId = producer.rows[0]?.id as string;
    const location = await client.query<{ id: string }>(
      `INSERT INTO "Location" (id, "producerId", name, "isSellable") VALUES (gen_random_uuid(), $1, 'Bench shop', true) RETURNING id`,
      [producerId],
    );
    const locationId = location.rows[0]?.id as string;
    const words = [
      "Alpha",
      "Bravo",
      "Cedar",
      "Delta",
      "Ember",
      "Fable",
      "Grove",
      "Harbor",
      "Indigo",
      "Juniper",
      "Kestrel",
      "Lumen",
      "Maple",
      "Nova",
      "Orchid",
      "Pepper",
    ];
    await client.query(
      `INSERT INTO "Product" (id, "producerId", sku, name, category, "priceCents", "unitCostCents", "minStockLevel", "trackInventory", "leadTimeDays", "updatedAt")
       SELECT gen_random_uuid(), $1, 'BENCH-' || lpad(g::text, 6, '0'),
              ($2::text[])[1 + g % 16] || ' ' || ($2::text[])[1 + (g / 16) % 16] || ' ' || g, 'Category ' || (g % 40), 100 + g % 900, 50, 0, true, 7, now()
       FROM generate_series(1, $3) g`,
      [producerId, words, options.catalogSize],
    );
    const products = await client.query<{ id: string }>(`SELECT id FROM "Product" WHERE "producerId" = $1 ORDER BY sku LIMIT $2`, [
      producerId,
      options.spread + 2,
    ]);
    const ids = products.rows.map((r) => r.id);
    const stock = ids.map((id, index) => ({ id, quantity: index === 1 ? options.limited : 100_000_000 }));
    await client.query(
      `WITH lots AS (
         INSERT INTO "Lot" (id, "producerId", "productId", "locationId", "lotNumber", "unitCostCents", "onHand", "receivedAt")
         SELECT gen_random_uuid(), $1, s.id, $2, 'BENCH-LOT', 50, s.quantity, now() FROM jsonb_to_recordset($3::jsonb) AS s(id uuid, quantity int)
         RETURNING id, "productId", "onHand")
       INSERT INTO "Movement" ("lotId", "productId", "producerId", type, quantity, "previousOnHand", "newOnHand", "unitCostCents", reason, actor)
       SELECT id, "productId", $1, 'RECEIPT', "onHand", 0, "onHand", 50, 'bench seed', 'system:bench' FROM lots`,
      [producerId, locationId, JSON.stringify(stock)],
    );
    // History: a shop that has sold for a while has many ended holds (with their allocations). Without
    // it the hold tables start empty, their statistics say so, and Postgres plans (and caches, per
    // connection, for foreign-key checks) sequential scans that a running shop never sees.
    await client.query(
      `WITH lots AS (SELECT id, "productId", row_number() OVER (ORDER BY id) AS n FROM "Lot"), counted AS (SELECT COUNT(*) AS total FROM lots),
       ended AS (
         INSERT INTO "Hold" (id, "cartId", "productId", quantity, status, "statusReason", "expiresAt", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), 'bench-history-' || g, l."productId", 1, (ARRAY['EXPIRED', 'RELEASED', 'CONSUMED']::"HoldStatus"[])[1 + g % 3],
                'bench history', now() - interval '1 day', now() - interval '1 day', now() - interval '1 day'
         FROM generate_series(1, $1) g CROSS JOIN counted JOIN lots l ON l.n = 1 + g % counted.total
         RETURNING id, "productId")
       INSERT INTO "HoldAllocation" ("holdId", "lotId", quantity) SELECT e.id, l.id, 1 FROM ended e JOIN "Lot" l ON l."productId" = e."productId"`,
      [options.historicalHolds],
    );
    await client.query("COMMIT");
    await client.query("VACUUM ANALYZE");
    return { producerId, hotProductId: ids[0] as string, limitedProductId: ids[1] as string, spreadProductIds: ids.slice(2) };
  } finally {
    await client.end();
  }
}
