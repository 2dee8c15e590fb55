// `tsx bench/src/plans.ts`: EXPLAIN ANALYZE of the catalog queries on the bench database (run `pnpm bench` first).
import path from "node:path";
import { DATA_DIR, startEmbeddedPostgres } from "@stockroom/db";
import pg from "pg";

const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "bench") });
try {
  const client = new pg.Client({ connectionString: server.urlFor("stockroom") });
  await client.connect();
  const queries = [
    [`list page 20: sort + offset`, `SELECT id, name FROM "Product" ORDER BY name, id LIMIT 24 OFFSET 480`],
    [`list total`, `SELECT count(*) FROM "Product"`],
    [`search "maple": rows`, `SELECT id, name FROM "Product" WHERE name ILIKE '%maple%' ORDER BY name, id LIMIT 24`],
    [`search "maple": total`, `SELECT count(*) FROM "Product" WHERE name ILIKE '%maple%'`],
    [`search "grove 12": rows`, `SELECT id, name FROM "Product" WHERE name ILIKE '%grove 12%' ORDER BY name, id LIMIT 24`],
    [
      `categories (loose index scan)`,
      `WITH RECURSIVE c AS ((SELECT category FROM "Product" ORDER BY category LIMIT 1) UNION ALL SELECT (SELECT p.category FROM "Product" p WHERE p.category > c.category ORDER BY p.category LIMIT 1) FROM c WHERE c.category IS NOT NULL) SELECT category FROM c WHERE category IS NOT NULL`,
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
