import type { AppRouter } from "@stockroom/api/client";
import type { inferRouterOutputs } from "@trpc/server";
import type { PlacedOrder } from "./order-history.ts";
import { type Trpc, withCartToken } from "./trpc.ts";

export type CustomerOrder = inferRouterOutputs<AppRouter>["orders"]["mine"];

/** orders.mine with the token of the cart that placed the order (not necessarily today's cart). */
export function customerOrderQuery(trpc: Trpc, placed: PlacedOrder) {
  return trpc.orders.mine.queryOptions({ orderId: placed.orderId }, withCartToken(placed.token));
}

/** The producer of an order, from the cart it was placed with (orders carry only a producer id). */
export function producerOf(order: CustomerOrder, placed: PlacedOrder): string | null {
  for (const line of order.lines) {
    const name = placed.producers[line.productId];
    if (name) return name;
  }
  return null;
}
