import { z } from "zod";
import { reserveCartInput } from "./cart.ts";
import { idempotencyKeySchema } from "./common.ts";

export const ORDER_STATUSES = ["PENDING", "CONFIRMED", "DISPATCHED", "DELIVERED", "CANCELLED"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The most orders one list call returns. */
export const MAX_ORDERS_LIMIT = 200;

export const orderIdInput = z.object({ orderId: z.string().uuid("Order id must be a UUID.") });

export const listOrdersInput = z.object({
  producerId: z.string().uuid().optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  limit: z.number().int().min(1).max(MAX_ORDERS_LIMIT).default(50),
});

export const setOrderStatusInput = z.object({
  orderId: z.string().uuid("Order id must be a UUID."),
  status: z.enum(ORDER_STATUSES),
  idempotencyKey: idempotencyKeySchema,
});

/** Checkout: the cart's lines (held) and an optional email for order updates. */
export const placeOrderInput = reserveCartInput.extend({ customerEmail: z.string().trim().toLowerCase().email().optional() });
