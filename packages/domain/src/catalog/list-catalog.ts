import { z } from "zod";
import type { Deps } from "../deps.ts";
import { availabilityOf } from "../stock/availability.ts";
import { parseInput } from "../validation.ts";

export const listCatalogInput = z.object({
  search: z.string().trim().max(100).optional(),
  category: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(24),
});

const TOTAL_CAP = 1_000;

/** The storefront's product list: public fields only. */
export async function listCatalog(deps: Deps, input: z.input<typeof listCatalogInput>) {
  const { search, category, page, pageSize } = parseInput(listCatalogInput, input);
  const where = {
    ...(category ? { category } : {}),
    ...(search ? { name: { contains: search, mode: "insensitive" as const } } : {}),
  };
  const [total, items, categories] = await Promise.all([
    // Counting every match costs more than the page itself at 100,000 products; count up to a cap.
    deps.db.product.count({ where, take: TOTAL_CAP + 1 }),
    deps.db.product.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, name: true, category: true, priceCents: true, producer: { select: { name: true } } },
    }),
    categoriesOf(deps),
  ]);
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
    /** available: units a customer can hold now (live holds excluded, lapsed ones not); null = unlimited. */
    items: items.map(({ producer, ...p }) => ({ ...p, producerName: producer.name, available: available.get(p.id) ?? 0 })),
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
