import { hashPassword } from "@stockroom/domain";
import pg from "pg";

/** Every load account's password (the bench database only: a fresh cluster in .data/bench-load). */
export const LOAD_PASSWORD = "load-bench-password";

export interface LoadShop {
  producers: { id: string; slug: string; locationId: string }[];
  /** Staff who sign in: the platform admin and each producer's admin and warehouse staff. */
  staff: { email: string; role: string; producerId: string | null }[];
  products: number;
  lots: number;
}

const WORDS = [
  "Alpine",
  "Basil",
  "Cedar",
  "Dune",
  "Ember",
  "Fennel",
  "Grove",
  "Honey",
  "Iris",
  "Juniper",
  "Kale",
  "Lemon",
  "Maple",
  "Nutmeg",
  "Olive",
  "Pepper",
];

/**
 * A shop people can buy from, in SQL (fast), keeping the stock invariants (every lot's on hand is
 * one RECEIPT movement): `producers` producers, each with a sellable collection point and
 * `productsPerProducer` products in 16 categories; each product has one to three lots, a third of
 * them with a use-by 20-400 days out; one product in ten is scarce (5-20 units) so shoppers meet
 * "not enough stock". Staff accounts get their password hashed by the domain's own hashPassword.
 */
export async function seedShop(url: string, options: { producers: number; productsPerProducer: number }): Promise<LoadShop> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const producers: LoadShop["producers"] = [];
    for (let n = 1; n <= options.producers; n++) {
      const producer = await client.query<{ id: string }>(
        `INSERT INTO "Producer" (id, name, slug, "orderPrefix") VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`,
        [`Load Farm ${n}`, `load-farm-${n}`, `L${n}`],
      );
      const id = producer.rows[0]?.id as string;
      const location = await client.query<{ id: string }>(
        `INSERT INTO "Location" (id, "producerId", name, "isSellable", "isCollectionPoint") VALUES (gen_random_uuid(), $1, 'Farm shop', true, true) RETURNING id`,
        [id],
      );
      producers.push({ id, slug: `load-farm-${n}`, locationId: location.rows[0]?.id as string });
    }
    for (const [index, producer] of producers.entries()) {
      await client.query(
        `INSERT INTO "Product" (id, "producerId", sku, name, category, "priceCents", "unitCostCents", "minStockLevel", "trackInventory", "leadTimeDays", "updatedAt")
         SELECT gen_random_uuid(), $1, 'LOAD-' || $2 || '-' || lpad(g::text, 5, '0'),
                ($3::text[])[1 + g % 16] || ' ' || ($3::text[])[1 + (g / 16) % 16] || ' ' || g, 'Aisle ' || (g % 16), 150 + g % 900, 80, 5, true, 7, now()
         FROM generate_series(1, $4) g`,
        [producer.id, index + 1, WORDS, options.productsPerProducer],
      );
    }
    // Lots: 1-3 per product; lot 2 (when there is one) has a use-by; scarce products have 5-20 units.
    const lots = await client.query(
      `WITH plan AS (
         SELECT p.id AS product_id, p."producerId" AS producer_id, l.id AS location_id, k,
                CASE WHEN abs(hashtext(p.id::text)) % 10 = 0 THEN 5 + abs(hashtext(p.id::text || 'q')) % 16
                     ELSE 200 + abs(hashtext(p.id::text || k::text)) % 1800 END AS quantity,
                CASE WHEN k = 2 THEN current_date + 20 + abs(hashtext(p.id::text)) % 380 END AS expiry
         FROM "Product" p JOIN "Location" l ON l."producerId" = p."producerId"
         CROSS JOIN LATERAL generate_series(1, 1 + abs(hashtext(p.id::text || 'lots')) % 3) k
         WHERE p.sku LIKE 'LOAD-%'),
       lots AS (
         INSERT INTO "Lot" (id, "producerId", "productId", "locationId", "lotNumber", "expiryDate", "unitCostCents", "onHand", "receivedAt")
         SELECT gen_random_uuid(), producer_id, product_id, location_id, 'SEED-' || k, expiry, 80, quantity, now() - (k || ' days')::interval FROM plan
         RETURNING id, "productId", "producerId", "onHand")
       INSERT INTO "Movement" ("lotId", "productId", "producerId", type, quantity, "previousOnHand", "newOnHand", "unitCostCents", reason, actor)
       SELECT id, "productId", "producerId", 'RECEIPT', "onHand", 0, "onHand", 80, 'load seed', 'system:bench' FROM lots`,
    );
    const passwordHash = await hashPassword(LOAD_PASSWORD);
    const staff: LoadShop["staff"] = [{ email: "admin@load.test", role: "PLATFORM_ADMIN", producerId: null }];
    for (const [index, producer] of producers.entries()) {
      staff.push({ email: `manager-${index + 1}@load.test`, role: "PRODUCER_ADMIN", producerId: producer.id });
      staff.push({ email: `staff-${index + 1}@load.test`, role: "PRODUCER_STAFF", producerId: producer.id });
    }
    for (const s of staff) {
      await client.query(
        `INSERT INTO "Staff" (id, email, name, role, "producerId", "passwordHash") VALUES (gen_random_uuid(), $1, $1, $2::"StaffRole", $3, $4)`,
        [s.email, s.role, s.producerId, passwordHash],
      );
    }
    await client.query("COMMIT");
    await client.query("VACUUM ANALYZE");
    return { producers, staff, products: options.producers * options.productsPerProducer, lots: lots.rowCount ?? 0 };
  } finally {
    await client.end();
  }
}
