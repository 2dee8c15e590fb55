import { z } from "zod";
import { MAX_MONEY_CENTS } from "./common.ts";
import { MAX_STOCK_CHANGE } from "./stock.ts";

/** Most images one product may have. */
export const MAX_PRODUCT_IMAGES = 12;
/** The highest per-product limit per cart/order a product may set. */
export const MAX_PER_CART_LIMIT = 100_000;
export const MAX_DESCRIPTION_LENGTH = 4_000;
/** Matches the CHECK on Product.minShelfLifeDays. */
export const MAX_SHELF_LIFE_DAYS = 3_650;
/** Which products an admin list shows: archived ones only when asked. */
export const PRODUCT_STATUSES = ["ACTIVE", "ARCHIVED"] as const;

const productFields = z.object({
  sku: z.string().trim().min(1, "Enter a SKU.").max(64),
  name: z.string().trim().min(1, "Enter a name.").max(200),
  category: z.string().trim().min(1, "Enter a category.").max(100),
  priceCents: z.number().int().min(0, "Price cannot be negative.").max(MAX_MONEY_CENTS, "Price is too large."),
  unitCostCents: z.number().int().min(0, "Unit cost cannot be negative.").max(MAX_MONEY_CENTS, "Unit cost is too large."),
  minStockLevel: z.number().int().min(0, "Minimum level cannot be negative.").max(MAX_STOCK_CHANGE, "Minimum level is too large."),
  trackInventory: z.boolean(),
  leadTimeDays: z.number().int().min(0).max(365),
  barcode: z.string().trim().max(64).nullable(),
  /** Most units one cart or order may hold; null = the shop's default (CART_MAX_PER_PRODUCT). */
  maxPerCart: z.number().int().min(1, "Limit per order must be at least 1.").max(MAX_PER_CART_LIMIT, "Limit per order is too large.").nullable(),
  description: z.string().trim().max(MAX_DESCRIPTION_LENGTH, `At most ${MAX_DESCRIPTION_LENGTH} characters.`).nullable(),
  /** Lots of this product must be received with an expiry date. */
  requiresExpiryDate: z.boolean(),
  /** Fewest days a lot must have left before its expiry to be sold; null = no rule. */
  minShelfLifeDays: z.number().int().min(0, "Shelf life cannot be negative.").max(MAX_SHELF_LIFE_DAYS, `At most ${MAX_SHELF_LIFE_DAYS} days.`).nullable(),
});

const optionalFields = {
  minStockLevel: true,
  trackInventory: true,
  leadTimeDays: true,
  barcode: true,
  maxPerCart: true,
  description: true,
  requiresExpiryDate: true,
  minShelfLifeDays: true,
} as const;

export const createProductInput = productFields.partial(optionalFields).extend({
  producerId: z.string().uuid().optional(),
});
export const updateProductInput = productFields.partial().extend({ productId: z.string().uuid("Product id must be a UUID.") });

export const getProductInput = z.object({ productId: z.string().uuid("Product id must be a UUID.") });
export const archiveProductInput = getProductInput;
/** A copy of a product's fields (not its stock or history) under a new SKU. */
export const duplicateProductInput = getProductInput.extend({
  sku: productFields.shape.sku,
  name: productFields.shape.name.optional(),
});
export const reorderProductImagesInput = getProductInput.extend({
  /** Every image id of the product, in the new order. */
  imageIds: z.array(z.string().uuid("Image id must be a UUID.")).min(1).max(MAX_PRODUCT_IMAGES),
});
export const deleteProductImageInput = getProductInput.extend({ imageId: z.string().uuid("Image id must be a UUID.") });
export const productDetailInput = getProductInput;

export const listProductsInput = z.object({
  producerId: z.string().uuid().optional(),
  search: z.string().trim().max(100).optional(),
  category: z.string().trim().max(100).optional(),
  status: z.enum(PRODUCT_STATUSES).default("ACTIVE"),
  limit: z.number().int().min(1).max(200).default(50),
  /** Keyset paging by (name, id): the opaque cursor of the previous page's last product. */
  cursor: z.string().max(500).optional(),
});

export const listCategoriesInput = z.object({ producerId: z.string().uuid().optional() });
export const listLocationsInput = z.object({
  producerId: z.string().uuid().optional(),
  /** Archived locations are left out unless asked for (the Locations page). */
  includeArchived: z.boolean().default(false),
});
export const locationIdInput = z.object({ locationId: z.string().uuid("Location id must be a UUID.") });
export const updateLocationInput = locationIdInput.extend({
  name: z.string().trim().min(1, "Enter a name.").max(100).optional(),
  isSellable: z.boolean().optional(),
  /** Customers may choose it at checkout to collect their order (audited). */
  isCollectionPoint: z.boolean().optional(),
});
export const createLocationInput = z.object({
  producerId: z.string().uuid().optional(),
  name: z.string().trim().min(1, "Enter a name.").max(100),
  isSellable: z.boolean().default(true),
});
