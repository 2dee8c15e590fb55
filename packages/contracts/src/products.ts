import { z } from "zod";
import { MAX_MONEY_CENTS } from "./common.ts";
import { MAX_STOCK_CHANGE } from "./stock.ts";

/** The highest per-product limit per cart/order a product may set. */
export const MAX_PER_CART_LIMIT = 100_000;

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
});

export const createProductInput = productFields
  .partial({ minStockLevel: true, trackInventory: true, leadTimeDays: true, barcode: true, maxPerCart: true })
  .extend({
    producerId: z.string().uuid().optional(),
  });
export const updateProductInput = productFields.partial().extend({ productId: z.string().uuid("Product id must be a UUID.") });

export const getProductInput = z.object({ productId: z.string().uuid("Product id must be a UUID.") });
export const productDetailInput = getProductInput;

export const listProductsInput = z.object({
  producerId: z.string().uuid().optional(),
  search: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const listCategoriesInput = z.object({ producerId: z.string().uuid().optional() });
export const listLocationsInput = z.object({ producerId: z.string().uuid().optional() });
export const createLocationInput = z.object({
  producerId: z.string().uuid().optional(),
  name: z.string().trim().min(1, "Enter a name.").max(100),
  isSellable: z.boolean().default(true),
});
