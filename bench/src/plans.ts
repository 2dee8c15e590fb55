// `pnpm bench:plans`: EXPLAIN ANALYZE of the catalog queries on the bench database (run `pnpm bench` first).
import path from "node:path";
import { DATA_DIR, startEmbeddedPostgres } from "@stockroom/db";
import pg from "pg";

const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "bench") });
try {
  const client = new pg.Client({ connectionString: server.urlFor("stockroom") });
  await client.connect();
  const cols = `p.id, p.name, p.category, p."priceCents", pr.name AS "producerName"`;
  const dense = (where: string) =>
    `SELECT ${cols} FROM (SELECT * FROM "Product" ${where}) p JOIN "Producer" pr ON pr.id = p."producerId" ORDER BY p.name, p.id LIMIT 24 OFFSET 480`;
  const few = (where: string) =>
    `WITH matches AS MATERIALIZED (SELECT id FROM "Product" ${where}) SELECT ${cols} FROM matches m JOIN "Product" p ON p.id = m.id JOIN "Producer" pr ON pr.id = p."producerId" ORDER BY p.name, p.id LIMIT 24`;
  const queries = [
    [`list page 21: walk the (name, id) index`, dense("")],
    [`count, capped at 1,001`, `SELECT COUNT(*) FROM (SELECT 1 FROM "Product" LIMIT 1001) capped`],
    [`search "maple" (many matches): count, capped`, `SELECT COUNT(*) FROM (SELECT 1 FROM "Product" WHERE name ILIKE '%maple%' LIMIT 1001) capped`],
    [`search "maple" (many matches): walk the name index`, dense(`WHERE name ILIKE '%maple%'`)],
    [
      `search "BENCH" (no match): count through the trigram index`,
      `SELECT COUNT(*) FROM (SELECT 1 FROM "Product" WHERE name ILIKE '%BENCH%' LIMIT 1001) capped`,
    ],
    [`search "BENCH" (no match): collect, then sort`, few(`WHERE name ILIKE '%BENCH%'`)],
    [`search "grove 12" (few matches): collect, then sort`, few(`WHERE name ILIKE '%grove 12%'`)],
    [
      `categories (loose index scan)`,
      `WITH RECURSIVE c AS ((SELECT category FROM "Product" ORDER BY category LIMIT 1) UNION ALL SELECT (SELECT p.category FROM "Product" p WHERE p.category > c.category ORDER BY p.category LIMIT 1) FROM c WHERE c.category IS NOT NULL) SELECT category FROM c WHERE category IS NOT NULL`,
    ],
    [
      `availability of a page (24 products)`,
      `SELECT * FROM stock_available_now_many(ARRAY(SELECT id FROM "Product" ORDER BY name LIMIT 24), now()::timestamp, current_date)`,
    ],
  ];
  for (const [label, sql] of queries) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`);
    console.log(`\n## ${label}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
  await client.end();
} finally {
  await server.stop();
}
