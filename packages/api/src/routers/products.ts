import {
  createLocation,
  createLocationInput,
  createProduct,
  createProductInput,
  getProduct,
  getProductInput,
  listCategories,
  listCategoriesInput,
  listLocations,
  listLocationsInput,
  listProducts,
  listProductsInput,
  updateProduct,
  updateProductInput,
} from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

const productSummary = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  priceCents: z.number(),
  unitCostCents: z.number().nullable(),
  minStockLevel: z.number(),
  trackInventory: z.boolean(),
  /** Most units one cart or order may hold; null = the shop's default. */
  maxPerCart: z.number().nullable(),
  producerId: z.string(),
});

export const productsRouter = router({
  list: staffProcedure("catalog.view")
    .input(listProductsInput)
    .output(z.array(productSummary.extend({ producerName: z.string() })))
    .query(({ ctx, input }) => listProducts(ctx.deps, ctx.actor, input)),

  get: staffProcedure("catalog.view")
    .input(getProductInput)
    .output(productSummary)
    .query(({ ctx, input }) => getProduct(ctx.deps, ctx.actor, input)),

  categories: staffProcedure("catalog.view")
    .input(listCategoriesInput)
    .output(z.array(z.string()))
    .query(({ ctx, input }) => listCategories(ctx.deps, ctx.actor, input)),

  create: staffProcedure("catalog.edit")
    .input(createProductInput)
    .output(productSummary)
    .mutation(({ ctx, input }) => createProduct(ctx.deps, ctx.actor, input)),

  update: staffProcedure("catalog.edit")
    .input(updateProductInput)
    .output(productSummary)
    .mutation(({ ctx, input }) => updateProduct(ctx.deps, ctx.actor, input)),
});

const locationOutput = z.object({ id: z.string(), producerId: z.string(), name: z.string(), isSellable: z.boolean() });

export const locationsRouter = router({
  list: staffProcedure("catalog.view")
    .input(listLocationsInput)
    .output(z.array(locationOutput))
    .query(({ ctx, input }) => listLocations(ctx.deps, ctx.actor, input)),

  create: staffProcedure("catalog.edit")
    .input(createLocationInput)
    .output(locationOutput)
    .mutation(({ ctx, input }) => createLocation(ctx.deps, ctx.actor, input)),
});
