import { z } from "zod";
import { idempotencyKeySchema } from "./common.ts";
import { MAX_STOCK_CHANGE } from "./stock.ts";

/** What happens to returned units: back on sale in their lot, or written off at cost. */
export const RETURN_DISPOSITIONS = ["RESTOCK", "WRITE_OFF"] as const;
export type ReturnDisposition = (typeof RETURN_DISPOSITIONS)[number];

export const MAX_RETURN_REASON_LENGTH = 300;
/** The most (line, lot) rows one return names. */
export const MAX_RETURN_LINES = 100;

/** A return of some or all delivered units of a DELIVERED order, per order line and lot. */
export const returnOrderInput = z.object({
  orderId: z.string().uuid("Order id must be a UUID."),
  reason: z
    .string()
    .trim()
    .min(1, "Give a reason for the return.")
    .max(MAX_RETURN_REASON_LENGTH, `Reason must be at most ${MAX_RETURN_REASON_LENGTH} characters.`),
  lines: z
    .array(
      z.object({
        orderLineId: z.string().uuid("Order line id must be a UUID."),
        lotId: z.string().uuid("Lot id must be a UUID."),
        quantity: z.number().int().min(1, "Quantity must be at least 1.").max(MAX_STOCK_CHANGE, "Quantity is too large."),
        disposition: z.enum(RETURN_DISPOSITIONS),
      }),
    )
    .min(1, "Return at least one unit.")
    .max(MAX_RETURN_LINES, `At most ${MAX_RETURN_LINES} lines per return.`),
  idempotencyKey: idempotencyKeySchema,
});
