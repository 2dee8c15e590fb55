import type { OrderStatus } from "@stockroom/db";

/** Allowed next states. DELIVERED straight from CONFIRMED covers collection in person. */
export const ORDER_TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  PENDING: ["CONFIRMED", "CANCELLED"],
  CONFIRMED: ["DISPATCHED", "DELIVERED", "CANCELLED"],
  DISPATCHED: ["DELIVERED"],
  DELIVERED: [],
  CANCELLED: [],
};

/** Reaching either of these the first time takes the stock out of on hand. */
export const STOCK_LEAVING_STATUSES: OrderStatus[] = ["DISPATCHED", "DELIVERED"];
