import {
  archiveLocation,
  archiveProduct,
  archiveProductInput,
  createLocation,
  createLocationInput,
  createProduct,
  createProductInput,
  deleteProductImageInput,
  duplicateProduct,
  duplicateProductInput,
  getProduct,
  getProductInput,
  listCategories,
  listCategoriesInput,
  listLocations,
  listLocationsInput,
  listProducts,
  listProductsInput,
  locationIdInput,
  removeProductImage,
  reorderProductImages,
  reorderProductImagesInput,
  restoreLocation,
  restoreProduct,
  updateLocation,
  updateLocationInput,
  updateProduct,
  updateProductInput,
} from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

const imageOutput = z.object({
  id: z.string(),
  width: z.number(),
  height: z.number(),
  altText: z.string().nullable(),
  thumbUrl: z.string(),
  mediumUrl: z.string(),
  largeUrl: z.string(),
});

const productSummary = z.object({
  id: z.string(),
  sku: z.string(),
  /** The storefront page: /products/<slug>. */
  slug: z.string(),
  name: z.string(),
  category: z.string(),
  priceCents: z.number(),
  unitCostCents: z.number().nullable(),
  minStockLevel: z.number(),
  trackInventory: z.boolean(),
  /** Most units one cart or order may hold; null = the shop's default. */
  maxPerCart: z.number().nullable(),
  archivedAt: z.string().nullable(),
  producerId: z.string(),
});

const productOutput = productSummary.extend({
  description: z.string().nullable(),
  leadTimeDays: z.number(),
  barcode: z.string().nullable(),
  requiresExpiryDate: z.boolean(),
  minShelfLifeDays: z.number().nullable(),
  images: z.array(imageOutput),
});

export const productsRouter = router({
  list: staffProcedure("catalog.view")
    .input(listProductsInput)
    .output(z.array(productSummary.extend({ producerName: z.string(), thumbnail: imageOutput.nullable() })))
    .query(({ ctx, input }) => listProducts(ctx.deps, ctx.actor, input)),

  get: staffProcedure("catalog.view")
    .input(getProductInput)
    .output(productOutput)
    .query(({ ctx, input }) => getProduct(ctx.deps, ctx.actor, input)),

  categories: staffProcedure("catalog.view")
    .input(listCategoriesInput)
    .output(z.array(z.string()))
    .query(({ ctx, input }) => listCategories(ctx.deps, ctx.actor, input)),

  create: staffProcedure("catalog.edit")
    .input(createProductInput)
    .output(productOutput)
    .mutation(({ ctx, input }) => createProduct(ctx.deps, ctx.actor, input)),

  update: staffProcedure("catalog.edit")
    .input(updateProductInput)
    .output(productOutput)
    .mutation(({ ctx, input }) => updateProduct(ctx.deps, ctx.actor, input)),

  duplicate: staffProcedure("catalog.edit")
    .input(duplicateProductInput)
    .output(productOutput)
    .mutation(({ ctx, input }) => duplicateProduct(ctx.deps, ctx.actor, input)),

  archive: staffProcedure("catalog.edit")
    .input(archiveProductInput)
    .output(productOutput)
    .mutation(({ ctx, input }) => archiveProduct(ctx.deps, ctx.actor, input)),

  restore: staffProcedure("catalog.edit")
    .input(archiveProductInput)
    .output(productOutput)
    .mutation(({ ctx, input }) => restoreProduct(ctx.deps, ctx.actor, input)),

  reorderImages: staffProcedure("catalog.edit")
    .input(reorderProductImagesInput)
    .output(productOutput)
    .mutation(({ ctx, input }) => reorderProductImages(ctx.deps, ctx.actor, input)),

  removeImage: staffProcedure("catalog.edit")
    .input(deleteProductImageInput)
    .output(productOutput)
    .mutation(({ ctx, input }) => removeProductImage(ctx.deps, ctx.actor, input)),
});

const locationOutput = z.object({
  id: z.string(),
  producerId: z.string(),
  name: z.string(),
  isSellable: z.boolean(),
  isQuarantine: z.boolean(),
  /** Customers may collect orders here (offered at checkout). */
  isCollectionPoint: z.boolean(),
  archivedAt: z.string().nullable(),
});

export const locationsRouter = router({
  list: staffProcedure("catalog.view")
    .input(listLocationsInput)
    .output(z.array(locationOutput))
    .query(({ ctx, input }) => listLocations(ctx.deps, ctx.actor, input)),

  create: staffProcedure("catalog.edit")
    .input(createLocationInput)
    .output(locationOutput)
    .mutation(({ ctx, input }) => createLocation(ctx.deps, ctx.actor, input)),

  update: staffProcedure("catalog.edit")
    .input(updateLocationInput)
    .output(locationOutput)
    .mutation(({ ctx, input }) => updateLocation(ctx.deps, ctx.actor, input)),

  archive: staffProcedure("catalog.edit")
    .input(locationIdInput)
    .output(locationOutput)
    .mutation(({ ctx, input }) => archiveLocation(ctx.deps, ctx.actor, input)),

  restore: staffProcedure("catalog.edit")
    .input(locationIdInput)
    .output(locationOutput)
    .mutation(({ ctx, input }) => restoreLocation(ctx.deps, ctx.actor, input)),
});
