import { listCatalog, listCatalogInput } from "@stockroom/domain";
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
      name: z.string(),
      category: z.string(),
      priceCents: z.number(),
      producerName: z.string(),
      available: z.number().nullable(),
      image: z.object({ width: z.number(), height: z.number(), altText: z.string().nullable(), thumbUrl: z.string(), mediumUrl: z.string() }).nullable(),
    }),
  ),
});

export const catalogRouter = router({
  list: publicProcedure
    .input(listCatalogInput)
    .output(catalogOutput)
    .query(({ ctx, input }) => listCatalog(ctx.deps, input)),
});
