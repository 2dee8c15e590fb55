import { z } from "zod";
import { checkDateRange, dateRangeFields, idempotencyKeySchema } from "./common.ts";
import { MAX_STOCK_CHANGE } from "./stock.ts";

export const COUNT_KINDS = ["FULL", "CYCLE"] as const;
/** Products without their own interval are counted at least this often (cycle counting). */
export const DEFAULT_COUNT_EVERY_DAYS = 90;

const sessionId = z.string().uuid("Count id must be a UUID.");

export const startCountInput = z
  .object({
    producerId: z.string().uuid("Producer id must be a UUID.").optional(),
    kind: z.enum(COUNT_KINDS),
    locationId: z.string().uuid("Location id must be a UUID.").optional(),
    category: z.string().trim().min(1).max(100).optional(),
    /** Only the products due for a count (see dueForCount). */
    dueOnly: z.boolean().default(false),
    /** Counters do not see the expected quantities. */
    blind: z.boolean().default(false),
    recountUnits: z.number().int().min(0, "Cannot be negative.").max(MAX_STOCK_CHANGE).default(2),
    recountValueCents: z.number().int().min(0, "Cannot be negative.").max(100_000_000).default(5000),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "CYCLE" && !v.locationId && !v.category && !v.dueOnly)
      ctx.addIssue({ code: "custom", path: ["kind"], message: "A cycle count needs a location, a category or the products due." });
  });

export const recordCountInput = z.object({
  sessionId,
  lotId: z.string().uuid("Lot id must be a UUID."),
  /** Units found (entries add up: two counters on one lot each send what they found; a negative entry corrects). */
  quantity: z.number().int("Count whole units.").min(-MAX_STOCK_CHANGE, "Quantity is too large.").max(MAX_STOCK_CHANGE, "Quantity is too large."),
  /** When it was counted; a phone that was offline sends its own time. Default: now. */
  countedAt: z.iso.datetime({ offset: true, message: "Use an ISO date and time." }).optional(),
  idempotencyKey: idempotencyKeySchema,
});

export const countSessionInput = z.object({ sessionId });
export const approveCountInput = z.object({ sessionId, idempotencyKey: idempotencyKeySchema });
export const cancelCountInput = z.object({ sessionId, reason: z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500) });
export const listCountsInput = z.object({
  producerId: z.string().uuid("Producer id must be a UUID.").optional(),
  status: z.enum(["COUNTING", "APPROVED", "CANCELLED"]).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const dueForCountInput = z.object({
  producerId: z.string().uuid("Producer id must be a UUID.").optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const accuracyTrendInput = z
  .object({ producerId: z.string().uuid("Producer id must be a UUID.").optional(), ...dateRangeFields })
  .superRefine(checkDateRange);
