import { catalogProductInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { imageView, productWithImages } from "../products/product-view.ts";
import { cartMaxPerProduct } from "../stock/cart-limits.ts";
import { sqlTimestamp, utcDay } from "../stock/sql-time.ts";
import { parseInput } from "../validation.ts";

type StockRow = { available: number | null; maxPerOrder: number; earliestUseBy: string | null };

/**
 * The storefront's product page, by slug: public fields only. An unknown or archived slug is
 * NOT_FOUND. `earliestUseBy` is the expiry of the lot a hold placed now would take first: the
 * FEFO rank (`stock_fefo_lots`) among sellable lots with free units, as `stock_allocate` walks it;
 * null when that lot has no expiry date, or nothing can be taken.
 */
export async function getCatalogProduct(deps: Deps, input: z.input<typeof catalogProductInput>) {
  const { slug } = parseInput(catalogProductInput, input);
  const product = await deps.db.product.findFirst({
    where: { slug, archivedAt: null },
    include: { ...productWithImages, producer: { select: { name: true, slug: true } } },
  });
  if (!product) throw notFound("Product");
  const now = deps.clock.now();
  const [stock] = await deps.db.$queryRaw<StockRow[]>`
    SELECT CASE WHEN a.track_inventory THEN a.available END AS available,
           stock_cart_limit(${product.maxPerCart}::integer, ${cartMaxPerProduct(deps)}::integer) AS "maxPerOrder",
           (SELECT to_char(f.expiry_date, 'YYYY-MM-DD') FROM stock_fefo_lots(ARRAY[a.product_id], ${utcDay(now)}::date) f
            WHERE a.track_inventory AND f.is_sellable AND f.free > 0 ORDER BY f.fefo_rank LIMIT 1) AS "earliestUseBy"
    FROM stock_available_many(ARRAY[${product.id}::uuid], ${sqlTimestamp(now)}::timestamp, ${utcDay(now)}::date) a`;
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    category: product.category,
    description: product.description,
    priceCents: product.priceCents,
    producerName: product.producer.name,
    producerSlug: product.producer.slug,
    /** Units a customer can hold now; null = not tracked, unlimited. */
    available: stock?.available ?? null,
    maxPerOrder: stock?.maxPerOrder ?? cartMaxPerProduct(deps),
    earliestUseBy: stock?.earliestUseBy ?? null,
    images: product.images.map(imageView),
  };
}
