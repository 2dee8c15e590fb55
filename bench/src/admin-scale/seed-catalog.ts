import type pg from "pg";

/** The big producer's share of the catalog and the other producers' count. */
export const BIG_PRODUCTS = 20_000;
export const OTHER_PRODUCERS = 8;
/** Every big product's minimum level: its "low" products end with 6 sellable units. */
export const BIG_MINIMUM = 25;

const WORDS = [
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

export interface SeededCatalog {
  bigProducerId: string;
}

/**
 * Producers, their locations and `total` products in plain SQL: the big producer's BIG_PRODUCTS
 * (`BIG-000001`...) in a shop, a warehouse and a back store that does not sell; the rest spread over
 * OTHER_PRODUCERS producers with one shop each, each product with one lot and its RECEIPT.
 * The big producer's lots come with their history (seed-history.ts).
 */
export async function seedCatalog(client: pg.Client, total: number): Promise<SeededCatalog> {
  const big = await client.query<{ id: string }>(
    `INSERT INTO "Producer" (id, name, slug, "orderPrefix") VALUES (gen_random_uuid(), 'Bench Big Pharmacy', 'bench-big', 'BG') RETURNING id`,
  );
  const bigProducerId = big.rows[0]?.id as string;
  await client.query(`INSERT INTO "Producer" (id, name, slug) SELECT gen_random_uuid(), 'Bench Producer ' || g, 'bench-' || g FROM generate_series(1, $1) g`, [
    OTHER_PRODUCERS,
  ]);
  await client.query(
    `INSERT INTO "Location" (id, "producerId", name, "isSellable")
     SELECT gen_random_uuid(), $1, l.name, l.sellable FROM (VALUES ('Shop', true), ('Warehouse', true), ('Back store', false)) AS l(name, sellable)`,
    [bigProducerId],
  );
  await client.query(
    `INSERT INTO "Location" (id, "producerId", name, "isSellable") SELECT gen_random_uuid(), id, 'Shop', true FROM "Producer" WHERE slug <> 'bench-big'`,
  );
  // The slug is given (the insert trigger keeps a given slug), so 100,000 inserts skip its uniqueness loop.
  const productColumns = `id, "producerId", sku, slug, name, category, "priceCents", "unitCostCents", "minStockLevel", "trackInventory", "leadTimeDays", "createdAt", "updatedAt"`;
  const name = `($2::text[])[1 + g % 16] || ' ' || ($2::text[])[1 + (g / 16) % 16] || ' ' || g`;
  await client.query(
    `INSERT INTO "Product" (${productColumns})
     SELECT gen_random_uuid(), $1, 'BIG-' || lpad(g::text, 6, '0'), 'big-' || g, ${name}, 'Category ' || (g % 40),
            300 + g % 700, 100 + g % 200, ${BIG_MINIMUM}, true, 3 + g % 12, now() - interval '400 days', now()
     FROM generate_series(1, $3) g`,
    [bigProducerId, WORDS, BIG_PRODUCTS],
  );
  await client.query(
    `WITH producers AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM "Producer" WHERE slug <> 'bench-big')
     INSERT INTO "Product" (${productColumns})
     SELECT gen_random_uuid(), producers.id, 'P-' || lpad(g::text, 6, '0'), 'p-' || g, ${name}, 'Category ' || (g % 40),
            100 + g % 900, 50 + g % 40, 5, true, 7, now() - interval '400 days', now()
     FROM generate_series(1, $1) g JOIN producers ON producers.n = g % $3`,
    [total - BIG_PRODUCTS, WORDS, OTHER_PRODUCERS],
  );
  await client.query(
    `INSERT INTO "Lot" (id, "producerId", "productId", "locationId", "lotNumber", "expiryDate", "unitCostCents", "onHand", "receivedAt", "createdAt")
     SELECT gen_random_uuid(), p."producerId", p.id, loc.id, 'R-' || p.sku, (now() + interval '200 days')::date, p."unitCostCents",
            50 + abs(hashtext(p.sku)) % 200, now() - interval '60 days', now() - interval '60 days'
     FROM "Product" p JOIN "Location" loc ON loc."producerId" = p."producerId"
     WHERE p."producerId" <> $1`,
    [bigProducerId],
  );
  await client.query(
    `INSERT INTO "Movement" ("lotId", "productId", "producerId", type, quantity, "previousOnHand", "newOnHand", "unitCostCents", reason, actor, "referenceType", "referenceId", "createdAt")
     SELECT id, "productId", "producerId", 'RECEIPT', "onHand", 0, "onHand", "unitCostCents", 'bench seed', 'system:bench', 'lot', id::text, "receivedAt"
     FROM "Lot" WHERE "producerId" <> $1`,
    [bigProducerId],
  );
  return { bigProducerId };
}
