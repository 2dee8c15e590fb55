import { listCatalogInput } from "@stockroom/contracts";
import { Prisma } from "@stockroom/db";
import type { z } from "zod";
import type { Deps } from "../deps.ts";
import { containsPattern } from "../like-pattern.ts";
import { imageUrl } from "../products/product-view.ts";
import { sqlTimestamp, utcDay } from "../stock/sql-time.ts";
import { parseInput } from "../validation.ts";

const TOTAL_CAP = 1_000;

type CatalogImage = { key: string; width: number; height: number; altText: string | null };
type CatalogRow = {
  id: string;
  name: string;
  category: string;
  priceCents: number;
  producerName: string;
  available: number | null;
  image: CatalogImage | null;
};

/**
 * The storefront's product list: public fields only, sorted by name. Search is a case-insensitive
 * substring of the name (LIKE wildcards in it are plain characters). One statement, one round trip:
 * - the matches, up to a cap, are collected once (through the trigram index when they are few);
 *   their count is the total and, when they are all there, the page is cut from them;
 * - past the cap (a common word, or no search) the page comes from walking the (name, id) index
 *   without touching the table (an index-only scan filters on the name itself);
 * - the page's rows, with their availability, come back as one JSON array in page order;
 * - the categories for the filter (Prisma's `distinct` would read every row: ~100 ms at 100,000).
 * `pnpm bench:plans` prints the plans.
 */
export async function listCatalog(deps: Deps, input: z.input<typeof listCatalogInput>) {
  const parsed = parseInput(listCatalogInput, input);
  const [result] = await deps.db.$queryRaw<{ total: number; categories: string[]; items: CatalogRow[] }[]>(catalogPageQuery(parsed, deps.clock.now()));
  const total = result?.total ?? 0;
  return {
    total: Math.min(total, TOTAL_CAP),
    isTotalCapped: total > TOTAL_CAP,
    page: parsed.page,
    pageSize: parsed.pageSize,
    categories: result?.categories ?? [],
    /** available: units a customer can hold now (live holds excluded, lapsed ones not); null = not tracked, unlimited. */
    items: (result?.items ?? []).map(({ image, ...item }) => ({
      ...item,
      image: image
        ? { width: image.width, height: image.height, altText: image.altText, thumbUrl: imageUrl(image.key, "thumb"), mediumUrl: imageUrl(image.key, "medium") }
        : null,
    })),
  };
}

/** The one statement behind `listCatalog` (exported for `pnpm bench:plans`). */
export function catalogPageQuery({ search, category, page, pageSize }: z.output<typeof listCatalogInput>, now: Date): Prisma.Sql {
  // "searchName" is lower(name), stored (see its migration): the same test as name ILIKE, cheaper.
  // Archived products are not sold: the heap check rides on the same index walks (a page's rows).
  const conditions = [
    Prisma.sql`"archivedAt" IS NULL`,
    ...(search ? [Prisma.sql`"searchName" LIKE lower(${containsPattern(search)})`] : []),
    ...(category ? [Prisma.sql`category = ${category}`] : []),
  ];
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const pageClause = Prisma.sql`ORDER BY name, id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return Prisma.sql`
    WITH RECURSIVE
      matches AS MATERIALIZED (SELECT id, name FROM "Product" ${where} LIMIT ${TOTAL_CAP + 1}),
      counted AS (SELECT COUNT(*)::int AS total FROM matches),
      -- The walk is an uncorrelated subquery: Postgres runs it only when its branch is taken.
      paged AS MATERIALIZED (
        SELECT CASE WHEN total <= ${TOTAL_CAP} THEN ARRAY(SELECT id FROM matches ${pageClause})
                    ELSE ARRAY(SELECT id FROM "Product" ${where} ${pageClause}) END AS ids
        FROM counted),
      -- Distinct categories of products on sale by a loose index scan: one index probe per category
      -- (the first row of each that is not archived).
      categories AS (
        (SELECT category FROM "Product" WHERE "archivedAt" IS NULL ORDER BY category LIMIT 1)
        UNION ALL
        SELECT (SELECT p.category FROM "Product" p WHERE p.category > c.category AND p."archivedAt" IS NULL ORDER BY p.category LIMIT 1)
        FROM categories c WHERE c.category IS NOT NULL)
    SELECT total,
      ARRAY(SELECT category FROM categories WHERE category IS NOT NULL) AS categories,
      (SELECT COALESCE(json_agg(json_build_object('id', p.id, 'name', p.name, 'category', p.category, 'priceCents', p."priceCents",
                                                  'producerName', pr.name, 'available', CASE WHEN a.track_inventory THEN a.available END,
                                                  -- The first image, through the (productId, position) index.
                                                  'image', (SELECT json_build_object('key', i.key, 'width', i.width, 'height', i.height, 'altText', i."altText")
                                                            FROM "ProductImage" i WHERE i."productId" = p.id ORDER BY i.position, i."createdAt" LIMIT 1))
                                ORDER BY page.n), '[]')
       FROM paged
       CROSS JOIN LATERAL unnest(paged.ids) WITH ORDINALITY AS page(id, n)
       JOIN "Product" p ON p.id = page.id
       JOIN "Producer" pr ON pr.id = p."producerId"
       JOIN LATERAL stock_available_many(paged.ids, ${sqlTimestamp(now)}::timestamp, ${utcDay(now)}::date) a ON a.product_id = p.id) AS items
    FROM counted`;
}
