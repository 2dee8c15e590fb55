import { createDb } from "@stockroom/db";
import { hashPassword, validateInventory } from "@stockroom/domain";
import pg from "pg";
import { BIG_PRODUCTS, seedCatalog } from "./seed-catalog.ts";
import { seedHistory } from "./seed-history.ts";

/** Bench-only accounts on the bench's own throwaway database. */
export const BENCH_STAFF = {
  admin: { email: "bench-admin@stockroom.test", password: "bench-admin-password" },
  owner: { email: "bench-owner@stockroom.test", password: "bench-owner-password" },
} as const;

export interface AdminScaleData {
  products: number;
  bigProducts: number;
  bigProducerId: string;
  bigMovements: number;
  movements: number;
  lots: number;
  orders: number;
  seedSeconds: number;
  validateSeconds: number;
}

/**
 * The whole catalog and the big producer's year in one transaction, then the two staff (passwords
 * hashed by the domain's own function), VACUUM ANALYZE, and the domain's inventory validation:
 * the bench stops if the seeded ledger breaks any stock invariant.
 */
export async function seedAdminScale(url: string, products: number, log: (line: string) => void): Promise<AdminScaleData> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { bigProducerId } = await seedCatalog(client, products);
    log(`  catalog: ${products.toLocaleString("en")} products (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    const history = await seedHistory(client, bigProducerId);
    log(
      `  history: ${history.movements.toLocaleString("en")} movements, ${history.orders.toLocaleString("en")} orders (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
    const [adminHash, ownerHash] = await Promise.all([hashPassword(BENCH_STAFF.admin.password), hashPassword(BENCH_STAFF.owner.password)]);
    await client.query(
      `INSERT INTO "Staff" (id, email, name, "passwordHash", role, "producerId")
       VALUES (gen_random_uuid(), $1, 'Bench Admin', $2, 'PLATFORM_ADMIN', NULL), (gen_random_uuid(), $3, 'Bench Owner', $4, 'PRODUCER_ADMIN', $5)`,
      [BENCH_STAFF.admin.email, adminHash, BENCH_STAFF.owner.email, ownerHash, bigProducerId],
    );
    await client.query("COMMIT");
    await client.query("VACUUM ANALYZE");
    const counts = await client.query<{ lots: number; movements: number; orders: number }>(
      `SELECT (SELECT COUNT(*) FROM "Lot")::int AS lots, (SELECT COUNT(*) FROM "Movement")::int AS movements, (SELECT COUNT(*) FROM "Order")::int AS orders`,
    );
    const seedSeconds = (performance.now() - started) / 1000;
    log(`  committed and analyzed in ${seedSeconds.toFixed(0)} s; validating the ledger`);
    const validateStarted = performance.now();
    await assertInventoryValid(url);
    const row = counts.rows[0] as { lots: number; movements: number; orders: number };
    return {
      products,
      bigProducts: BIG_PRODUCTS,
      bigProducerId,
      bigMovements: history.movements,
      ...row,
      seedSeconds,
      validateSeconds: (performance.now() - validateStarted) / 1000,
    };
  } finally {
    await client.end();
  }
}

/** validateInventory (what `pnpm inventory:validate` runs) on the seeded database; throws with the first problems. */
async function assertInventoryValid(url: string) {
  const db = createDb(url, { maxConnections: 1 });
  try {
    const problems = await validateInventory(db, new Date());
    if (problems.length > 0) {
      const first = problems.slice(0, 5).map((p) => `[${p.check}] lot ${p.lotNumber}: ${p.message}`);
      throw new Error(`the seeded ledger has ${problems.length} problem(s):\n  ${first.join("\n  ")}`);
    }
  } finally {
    await db.$disconnect();
  }
}
