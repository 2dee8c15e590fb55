import { z } from "zod";
import { checkDateRange, idempotencyKeySchema, isoDay } from "./common.ts";

/** The most units one receipt or adjustment may move. */
export const MAX_STOCK_CHANGE = 10_000_000;

export const receiveLotInput = z.object({
  productId: z.string().uuid("Product id must be a UUID."),
  locationId: z.string().uuid("Location id must be a UUID."),
  lotNumber: z.string().trim().min(1, "Enter a lot number.").max(64),
  expiryDate: isoDay.nullable().optional(),
  /** Omitted: the product's unit cost (roles without costs.view always receive at it). */
  unitCostCents: z.number().int().min(0, "Unit cost cannot be negative.").max(100_000_000).optional(),
  quantity: z.number().int().min(1, "Quantity must be at least 1.").max(MAX_STOCK_CHANGE),
  /** Receive into the producer's quarantine (not sellable), past the expiry and shelf-life rules. */
  quarantine: z.boolean().optional(),
  idempotencyKey: idempotencyKeySchema,
});

export const adjustLotInput = z.object({
  lotId: z.string().uuid("Lot id must be a UUID."),
  change: z
    .number()
    .int()
    .min(-MAX_STOCK_CHANGE, "Change is too large.")
    .max(MAX_STOCK_CHANGE, "Change is too large.")
    .refine((n) => n !== 0, "Change cannot be zero."),
  reason: z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500),
  idempotencyKey: idempotencyKeySchema,
});

export const WRITE_OFF_REASONS = ["EXPIRED", "DAMAGED", "RECALLED", "OTHER"] as const;
export type WriteOffReason = (typeof WRITE_OFF_REASONS)[number];

export const writeOffLotInput = z.object({
  lotId: z.string().uuid("Lot id must be a UUID."),
  quantity: z.number().int().min(1, "Quantity must be at least 1.").max(MAX_STOCK_CHANGE, "Quantity is too large."),
  reason: z.enum(WRITE_OFF_REASONS),
  note: z.string().trim().max(500).optional(),
  idempotencyKey: idempotencyKeySchema,
});

export const transferLotInput = z.object({
  lotId: z.string().uuid("Lot id must be a UUID."),
  toLocationId: z.string().uuid("Location id must be a UUID."),
  quantity: z.number().int().min(1, "Quantity must be at least 1.").max(MAX_STOCK_CHANGE, "Quantity is too large."),
  idempotencyKey: idempotencyKeySchema,
});

export const MOVEMENT_TYPES = ["RECEIPT", "FULFILMENT", "ADJUSTMENT", "WRITE_OFF", "TRANSFER", "COUNT", "RETURN"] as const;

/** A product's or a lot's ledger; with neither, the whole producer's (`producerId` for platform admins). */
export const listMovementsShape = z.object({
  producerId: z.string().uuid().optional(),
  productId: z.string().uuid().optional(),
  lotId: z.string().uuid().optional(),
  type: z.enum(MOVEMENT_TYPES).optional(),
  /** Movements on or after this day (UTC). */
  from: isoDay.optional(),
  /** Movements on or before this day (UTC). */
  to: isoDay.optional(),
  /** Keyset cursor: the last movement id of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, "Use a movement id.")
    .optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
/** Days as a report's range when both are given: from <= to, at most two years. */
export const listMovementsInput = listMovementsShape.superRefine((q, ctx) => {
  if (q.from && q.to) checkDateRange({ from: q.from, to: q.to }, ctx);
});
