import { catalogProductInput, getCatalogProduct, listCatalog, listCatalogInput, listShopProducers } from "@stockroom/domain";
import { z } from "zod";
import { publicProcedure, router } from "../trpc.ts";

const catalogOutput = z.object({
  total: z.number(),
  /** More than `total` products match; `total` is the cap. */
  isTotalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  categories: z.array(z.string()),
  items: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      category: z.string(),
      priceCents: z.number(),
      producerName: z.string(),
      available: z.number().nullable(),
      /** The most units of this product one cart may hold. */
      maxPerOrder: z.number(),
      image: z.object({ width: z.number(), height: z.number(), altText: z.string().nullable(), thumbUrl: z.string(), mediumUrl: z.string() }).nullable(),
    }),
  ),
});

const productPageOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  category: z.string(),
  description: z.string().nullable(),
  priceCents: z.number(),
  producerName: z.string(),
  producerSlug: z.string(),
  available: z.number().nullable(),
  maxPerOrder: z.number(),
  /** YYYY-MM-DD: the use-by of the lot a buyer would get now (FEFO); null when it has none. */
  earliestUseBy: z.string().nullable(),
  images: z.array(
    z.object({
      id: z.string(),
      width: z.number(),
      height: z.number(),
      altText: z.string().nullable(),
      thumbUrl: z.string(),
      mediumUrl: z.string(),
      largeUrl: z.string(),
    }),
  ),
});

export const catalogRouter = router({
  list: publicProcedure
    .input(listCatalogInput)
    .output(catalogOutput)
    .query(({ ctx, input }) => listCatalog(ctx.deps, input)),
  product: publicProcedure
    .input(catalogProductInput)
    .output(productPageOutput)
    .query(({ ctx, input }) => getCatalogProduct(ctx.deps, input)),
  producers: publicProcedure.output(z.array(z.object({ name: z.string(), slug: z.string() }))).query(({ ctx }) => listShopProducers(ctx.deps)),
});
