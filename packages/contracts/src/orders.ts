import { z } from "zod";
import { reserveCartInput } from "./cart.ts";
import { customerContactSchema, fulfilmentSchema } from "./checkout.ts";
import { checkDateRange, idempotencyKeySchema, isoDay, MAX_PAGE, SORT_DIRECTIONS } from "./common.ts";

export const ORDER_STATUSES = ["PENDING", "CONFIRMED", "DISPATCHED", "DELIVERED", "CANCELLED"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The longest cancellation reason kept. */
export const MAX_CANCEL_REASON_LENGTH = 300;

/** The most orders one list call returns. */
export const MAX_ORDERS_LIMIT = 200;

export const orderIdInput = z.object({ orderId: z.string().uuid("Order id must be a UUID.") });

export const FULFILMENT_METHODS = ["DELIVERY", "COLLECTION"] as const;
export type FulfilmentMethod = (typeof FULFILMENT_METHODS)[number];
export const ORDER_SORTS = ["placed", "reference", "total"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

/**
 * The admin's orders list: search (reference or number, customer name, email, or phone by its
 * digits), filters (status, placed between two days inclusive, delivery or collection), sort, page.
 */
export const listOrdersShape = z.object({
  producerId: z.string().uuid().optional(),
  search: z.string().trim().max(100, "Search must be at most 100 characters.").optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  fulfilment: z.enum(FULFILMENT_METHODS).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  sort: z.enum(ORDER_SORTS).default("placed"),
  direction: z.enum(SORT_DIRECTIONS).default("desc"),
  page: z.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.number().int().min(1).max(MAX_ORDERS_LIMIT).default(50),
  /** Keyset paging (sort "placed" only; replaces `page`): the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
});
/** Placed days as a report's range when both are given: from <= to, at most two years. */
export const listOrdersInput = listOrdersShape.superRefine((q, ctx) => {
  if (q.from && q.to) checkDateRange({ from: q.from, to: q.to }, ctx);
  if (q.cursor && q.sort !== "placed") ctx.addIssue({ code: "custom", path: ["cursor"], message: "A cursor pages orders sorted by placed time only." });
});

export const setOrderStatusInput = z.object({
  orderId: z.string().uuid("Order id must be a UUID."),
  status: z.enum(ORDER_STATUSES),
  /** Kept on the order when it is cancelled; shown to staff and the customer. */
  reason: z
    .string()
    .trim()
    .min(1, "Reason cannot be empty.")
    .max(MAX_CANCEL_REASON_LENGTH, `Reason must be at most ${MAX_CANCEL_REASON_LENGTH} characters.`)
    .optional(),
  idempotencyKey: idempotencyKeySchema,
});

/** Checkout: the cart's lines (held), who the customer is and how the order reaches them. */
export const placeOrderInput = reserveCartInput.extend({ customer: customerContactSchema, fulfilment: fulfilmentSchema });

/** The longest internal note on an order. */
export const MAX_ORDER_NOTE_LENGTH = 2000;

export const addOrderNoteInput = z.object({
  orderId: z.string().uuid("Order id must be a UUID."),
  body: z.string().trim().min(1, "Note cannot be empty.").max(MAX_ORDER_NOTE_LENGTH, `Note must be at most ${MAX_ORDER_NOTE_LENGTH} characters.`),
});
