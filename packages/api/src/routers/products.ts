import { getProduct, getProductInput, listProducers, listProducts, listProductsInput } from "@stockroom/domain";
import { z } from "zod";
import { platformAdminProcedure, router, staffProcedure } from "../trpc.ts";

const productSummary = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  priceCents: z.number(),
  unitCostCents: z.number(),
  minStockLevel: z.number(),
  trackInventory: z.boolean(),
  producerId: z.string(),
});

export const productsRouter = router({
  list: staffProcedure
    .input(listProductsInput)
    .output(z.array(productSummary.extend({ producerName: z.string() })))
    .query(({ ctx, input }) => listProducts(ctx.deps, ctx.actor, input)),

  get: staffProcedure
    .input(getProductInput)
    .output(productSummary)
    .query(({ ctx, input }) => getProduct(ctx.deps, ctx.actor, input)),
});

export const producersRouter = router({
  list: platformAdminProcedure.output(z.array(z.object({ id: z.string(), name: z.string(), slug: z.string() }))).query(({ ctx }) => listProducers(ctx.deps)),
});
