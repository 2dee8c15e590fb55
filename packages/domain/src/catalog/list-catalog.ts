import { type CatalogSort, listCatalogInput } from "@stockroom/contracts";
import { Prisma } from "@stockroom/db";
import type { z } from "zod";
import type { Deps } from "../deps.ts";
import { containsPattern } from "../like-pattern.ts";
import { imageUrl } from "../products/product-view.ts";
import { cartMaxPerProduct } from "../stock/cart-limits.ts";
import { sqlTimestamp, utcDay } from "../stock/sql-time.ts";
import { parseInput } from "../validation.ts";

const TOTAL_CAP = 1_000;

type CatalogImage = { key: string; width: number; height: number; altText: string | null };
type CatalogRow = {
  id: string;
  slug: string;
  name: string;
  category: string;
  priceCents: number;
  producerName: string;
  available: number | null;
  maxPerOrder: number;
  image: CatalogImage | null;
};

/** Each sort's ORDER BY (the same on both paths, so pages agree across the cap); ids break ties. */
const SORT_ORDER: Record<CatalogSort, Prisma.Sql> = {
  name: Prisma.sql`name, id`,
  "price-asc": Prisma.sql`"priceCents", id`,
  "price-desc": Prisma.sql`"priceCents" DESC, id DESC`,
  newest: Prisma.sql`"createdAt" DESC, id DESC`,
};

/**
 * The storefront's product list: public fields only, in the chosen sort (name, price, newest) and
 * filters (search, category, producer, hide sold out). Search is a case-insensitive
 * substring of the name (LIKE wildcards in it are plain characters). One statement, one round trip:
 * - the matches, up to a cap, are collected once (through the trigram index when they are few);
 *   their count is the total and, when they are all there, the page is cut from them, sold-out
 *   products after the others;
 * - past the cap (a common word, or no search) the page comes from walking the sort's partial
 *   index of live products (name, price or createdAt, then id) without touching the table (an
 *   index-only scan filters on the name itself); there sold-out products keep their place;
 * - the page's rows, with their availability, come back as one JSON array in page order;
 * - the categories for the filter (Prisma's `distinct` would read every row: ~100 ms at 100,000).
 * `pnpm bench:plans` prints the plans.
 */
export async function listCatalog(deps: Deps, input: z.input<typeof listCatalogInput>) {
  const parsed = parseInput(listCatalogInput, input);
  const query = catalogPageQuery(parsed, deps.clock.now(), cartMaxPerProduct(deps));
  const [result] = await deps.db.$queryRaw<{ total: number; categories: string[]; items: CatalogRow[] }[]>(query);
  const total = result?.total ?? 0;
  return {
    total: Math.min(total, TOTAL_CAP),
    isTotalCapped: total > TOTAL_CAP,
    page: parsed.page,
    pageSize: parsed.pageSize,
    categories: result?.categories ?? [],
    /**
     * available: units a customer can hold now (live holds excluded, lapsed ones not); null = not
     * tracked, unlimited. maxPerOrder: the most one cart may hold (maxPerCart, else CART_MAX_PER_PRODUCT).
     */
    items: (result?.items ?? []).map(({ image, ...item }) => ({
      ...item,
      image: image
        ? { width: image.width, height: image.height, altText: image.altText, thumbUrl: imageUrl(image.key, "thumb"), mediumUrl: imageUrl(image.key, "medium") }
        : null,
    })),
  };
}

/** The one statement behind `listCatalog` (exported for `pnpm bench:plans`). */
export function catalogPageQuery(input: z.output<typeof listCatalogInput>, now: Date, defaultMaxPerOrder: number): Prisma.Sql {
  const { search, category, producer, sort, hideSoldOut, page, pageSize } = input;
  const at = Prisma.sql`${sqlTimestamp(now)}::timestamp, ${utcDay(now)}::date`;
  // "searchName" is lower(name), stored (see its migration): the same test as name ILIKE, cheaper.
  // Archived products are not sold: the heap check rides on the same index walks (a page's rows).
  const conditions = [
    Prisma.sql`"archivedAt" IS NULL`,
    ...(search ? [Prisma.sql`"searchName" LIKE lower(${containsPattern(search)})`] : []),
    ...(category ? [Prisma.sql`category = ${category}`] : []),
    ...(producer ? [Prisma.sql`"producerId" = (SELECT pr.id FROM "Producer" pr WHERE pr.slug = ${producer})`] : []),
    // Availability per row walked (the one rule): cheap while most products are in stock.
    ...(hideSoldOut
      ? [Prisma.sql`EXISTS (SELECT 1 FROM stock_available_many(ARRAY["Product".id], ${at}) s WHERE NOT s.track_inventory OR s.available > 0)`]
      : []),
  ];
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const limit = Prisma.sql`LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const order = SORT_ORDER[sort];
  return Prisma.sql`
    WITH RECURSIVE
      matches AS MATERIALIZED (SELECT id FROM "Product" ${where} LIMIT ${TOTAL_CAP + 1}),
      counted AS (SELECT COUNT(*)::int AS total FROM matches),
      -- The walk is an uncorrelated subquery: Postgres runs it only when its branch is taken.
      paged AS MATERIALIZED (
        SELECT CASE WHEN total <= ${TOTAL_CAP}
                    -- The sort keys by a primary-key probe per match (OFFSET 0 keeps the planner
                    -- from hashing the whole table instead), sold-out products last: sold out by
                    -- their product summary (ProductStock, kept by the stock paths' transactions),
                    -- a probe each instead of working out availability for every match.
                    THEN ARRAY(SELECT m.id FROM matches m
                               CROSS JOIN LATERAL (SELECT name, "priceCents", "createdAt" FROM "Product" WHERE "Product".id = m.id OFFSET 0) keys
                               JOIN "ProductStock" s ON s."productId" = m.id
                               ORDER BY (s."trackInventory" AND s.available <= 0), ${order} ${limit})
                    ELSE ARRAY(SELECT id FROM "Product" ${where} ORDER BY ${order} ${limit}) END AS ids
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
      (SELECT COALESCE(json_agg(json_build_object('id', p.id, 'slug', p.slug, 'name', p.name, 'category', p.category, 'priceCents', p."priceCents",
                                                  'producerName', pr.name, 'available', CASE WHEN a.track_inventory THEN a.available END,
                                                  'maxPerOrder', stock_cart_limit(p."maxPerCart", ${defaultMaxPerOrder}),
                                                  -- The first image, through the (productId, position) index.
                                                  'image', (SELECT json_build_object('key', i.key, 'width', i.width, 'height', i.height, 'altText', i."altText")
                                                            FROM "ProductImage" i WHERE i."productId" = p.id ORDER BY i.position, i."createdAt" LIMIT 1))
                                ORDER BY page.n), '[]')
       FROM paged
       CROSS JOIN LATERAL unnest(paged.ids) WITH ORDINALITY AS page(id, n)
       JOIN "Product" p ON p.id = page.id
       JOIN "Producer" pr ON pr.id = p."producerId"
       JOIN LATERAL stock_available_many(paged.ids, ${at}) a ON a.product_id = p.id) AS items
    FROM counted`;
}
