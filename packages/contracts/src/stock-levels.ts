import { z } from "zod";
import { idempotencyKeySchema, PG_INT_MAX } from "./common.ts";
import { MAX_STOCK_CHANGE } from "./stock.ts";

/** The most items one batch update carries (the seed's integration endpoint). */
export const BATCH_UPDATE_MAX = 1000;

const onHandValue = (what: string) =>
  z.number().int(`${what} must be a whole number.`).min(0, `${what} cannot be negative.`).max(MAX_STOCK_CHANGE, `${what} is too large.`);

const reason = z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500);

/**
 * Set a lot's on hand to a value, compare-and-set: `expectedOnHand` is the on hand the caller last
 * read; when the lot holds anything else the request fails with the current value and nothing
 * changes (Shopify's compareQuantity).
 */
export const setOnHandInput = z.object({
  lotId: z.string().uuid("Lot id must be a UUID."),
  expectedOnHand: onHandValue("Expected on hand"),
  onHand: onHandValue("On hand"),
  reason: reason.default("Count correction"),
  idempotencyKey: idempotencyKeySchema,
});

/**
 * One item of a batch update: a product by id or SKU (or a lot by id), and either an absolute
 * `set` or a signed `adjust`. A product must have exactly one lot in scope (at `locationId` when
 * given); a product kept in several lots is named by `lotId`.
 */
export const batchUpdateItem = z
  .object({
    productId: z.string().uuid("Product id must be a UUID.").optional(),
    sku: z.string().trim().min(1, "Enter a SKU.").max(64).optional(),
    lotId: z.string().uuid("Lot id must be a UUID.").optional(),
    locationId: z.string().uuid("Location id must be a UUID.").optional(),
    set: onHandValue("Set").optional(),
    adjust: z
      .number()
      .int("Adjust must be a whole number.")
      .min(-MAX_STOCK_CHANGE, "Adjust is too large.")
      .max(MAX_STOCK_CHANGE, "Adjust is too large.")
      .refine((n) => n !== 0, "Adjust cannot be zero.")
      .optional(),
    /** With `set` or `adjust`: apply only while the target lot holds exactly this many. */
    expectedOnHand: z.number().int().min(0).max(PG_INT_MAX).optional(),
  })
  .superRefine((item, ctx) => {
    if (!item.productId && !item.sku && !item.lotId)
      ctx.addIssue({ code: "custom", path: ["productId"], message: "Name the product (productId or sku) or the lot." });
    if (item.productId && item.sku) ctx.addIssue({ code: "custom", path: ["sku"], message: "Give productId or sku, not both." });
    if ((item.set === undefined) === (item.adjust === undefined))
      ctx.addIssue({ code: "custom", path: ["set"], message: "Give exactly one of set and adjust." });
  });

export const batchUpdateInput = z.object({
  /** Platform admins name the producer whose SKUs the batch uses. */
  producerId: z.string().uuid("Producer id must be a UUID.").optional(),
  updates: z.array(batchUpdateItem).min(1, "Send at least one update.").max(BATCH_UPDATE_MAX, `Send at most ${BATCH_UPDATE_MAX} updates.`),
  reason: reason.default("Count correction"),
  idempotencyKey: idempotencyKeySchema,
});
