import { z } from "zod";
import { idempotencyKeySchema } from "./common.ts";

/** The most units of one product a cart line may hold. */
export const MAX_LINE_QUANTITY = 10_000;
export const MAX_CART_LINES = 100;

/** Guests hold a random cart token (header x-cart-token); the database keeps only its hash. */
export const cartTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, "Cart token must be 20-128 URL-safe characters.");

export const reserveCartInput = z.object({
  lines: z
    .array(
      z.object({
        productId: z.string().uuid("Product id must be a UUID."),
        quantity: z.number().int().min(1, "Quantity must be at least 1.").max(MAX_LINE_QUANTITY),
      }),
    )
    .max(MAX_CART_LINES, "A cart holds at most 100 lines.")
    .refine((lines) => new Set(lines.map((l) => l.productId)).size === lines.length, "Each product may appear once."),
  idempotencyKey: idempotencyKeySchema,
});

export const releaseCartInput = z.object({ holdId: z.string().uuid("Hold id must be a UUID.").optional() });
