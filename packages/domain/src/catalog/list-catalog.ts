import { Prisma } from "@stockroom/db";
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { containsPattern } from "../like-pattern.ts";
import { availabilityOf } from "../stock/availability.ts";
import { parseInput } from "../validation.ts";

export const listCatalogInput = z.object({
  search: z.string().trim().max(100).optional(),
  category: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(24),
});

const TOTAL_CAP = 1_000;

type CatalogRow = { id: string; name: string; category: string; priceCents: number; producerName: string };

/**
 * The storefront's product list: public fields only, sorted by name. Search is a case-insensitive
 * substring of the name (LIKE wildcards in it are plain characters). The total is counted first, up
 * to a cap, and it picks the plan: many matches are found quickly by walking the (name, id) index;
 * few matches (an uncommon word, a typo) would make that walk read the whole catalog, so they are
 * collected through the trigram index and then sorted. `pnpm bench:plans` prints both plans.
 */
export async function listCatalog(deps: Deps, input: z.input<typeof listCatalogInput>) {
  const { search, category, page, pageSize } = parseInput(listCatalogInput, input);
  const conditions = [...(search ? [Prisma.sql`name ILIKE ${containsPattern(search)}`] : []), ...(category ? [Prisma.sql`category = ${category}`] : [])];
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const [counted, categories] = await Promise.all([
    // Counting every match costs more than the page itself at 100,000 products; count up to a cap.
    deps.db.$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS total FROM (SELECT 1 FROM "Product" ${where} LIMIT ${TOTAL_CAP + 1}) capped`,
    categoriesOf(deps),
  ]);
  const total = counted[0]?.total ?? 0;
  const pageClause = Prisma.sql`ORDER BY p.name, p.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const columns = Prisma.sql`p.id, p.name, p.category, p."priceCents", pr.name AS "producerName"`;
  const items =
    search && total <= TOTAL_CAP
      ? // MATERIALIZED: collect the matches first, so the sort cannot turn into a walk of the name index.
        await deps.db.$queryRaw<CatalogRow[]>`
          WITH matches AS MATERIALIZED (SELECT id FROM "Product" ${where})
          SELECT ${columns} FROM matches m JOIN "Product" p ON p.id = m.id JOIN "Producer" pr ON pr.id = p."producerId" ${pageClause}`
      : await deps.db.$queryRaw<CatalogRow[]>`
          SELECT ${columns} FROM (SELECT * FROM "Product" ${where}) p JOIN "Producer" pr ON pr.id = p."producerId" ${pageClause}`;
  const available = await availabilityOf(
    deps,
    items.map((p) => p.id),
  );
  return {
    total: Math.min(total, TOTAL_CAP),
    isTotalCapped: total > TOTAL_CAP,
    page,
    pageSize,
    categories: categories.map((c) => c.category),
    /** available: units a customer can hold now (live holds excluded, lapsed ones not); null = not tracked, unlimited. */
    items: items.map((p) => ({ ...p, available: available.get(p.id) as number | null })),
  };
}

/**
 * Distinct categories by a loose index scan (one index probe per category): Prisma's `distinct`
 * reads every row and dedupes in the client, which costs ~100 ms at 100,000 products.
 */
async function categoriesOf(deps: Deps): Promise<{ category: string }[]> {
  return deps.db.$queryRaw<{ category: string }[]>`
    WITH RECURSIVE c AS (
      (SELECT category FROM "Product" ORDER BY category LIMIT 1)
      UNION ALL
      SELECT (SELECT p.category FROM "Product" p WHERE p.category > c.category ORDER BY p.category LIMIT 1) FROM c WHERE c.category IS NOT NULL
    )
    SELECT category FROM c WHERE category IS NOT NULL`;
}
