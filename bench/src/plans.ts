// `pnpm bench:plans`: EXPLAIN ANALYZE of the catalog's one statement (`catalogPageQuery`, the same
// builder `listCatalog` runs) on the bench database (run `pnpm bench` first).
import path from "node:path";
import { DATA_DIR, startEmbeddedPostgres } from "@stockroom/db";
import { catalogPageQuery, listCatalogInput } from "@stockroom/domain";
import pg from "pg";

const cases: [label: string, input: object][] = [
  ["list, page 21: walk the (name, id) index from the start, index only", { page: 21 }],
  [`search "maple" (12,000 matches): count to the cap, then walk the name index filtering on it`, { search: "maple" }],
  [`search "harbor lumen" (390 matches): collect through the trigram index, cut the page from them`, { search: "harbor lumen" }],
  [`search "BENCH" (no match): the trigram index answers at once`, { search: "BENCH" }],
  [`category "Category 7" (2,500 products), page 3`, { category: "Category 7", page: 3 }],
  ["list by price, high to low, page 21: walk the (priceCents, id) index backwards", { sort: "price-desc", page: 21 }],
  ["list newest first, in stock only, page 3: walk the (createdAt, id) index, availability per row", { sort: "newest", hideSoldOut: true, page: 3 }],
  [`search "harbor lumen" by price: the 390 matches with their availability, sold out last`, { search: "harbor lumen", sort: "price-asc" }],
];

const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "bench") });
try {
  const client = new pg.Client({ connectionString: server.urlFor("stockroom") });
  await client.connect();
  for (const [label, input] of cases) {
    const query = catalogPageQuery(listCatalogInput.parse(input), new Date(), 100);
    await client.query(query.text, query.values); // warm the cache: plans of a running shop, not of a cold start
    const { rows } = await client.query(`EXPLAIN (ANALYZE, COSTS OFF) ${query.text}`, query.values);
    console.log(`\n## ${label}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
  await client.end();
} finally {
  await server.stop();
}
