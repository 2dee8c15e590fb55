import { z } from "zod";
import { createLocalStore, useLocalStore } from "./local-store.ts";

const placedOrderSchema = z.object({
  orderId: z.string(),
  number: z.number(),
  /** The producer's reference (GL-1001); orders remembered before references existed have none. */
  reference: z.string().optional(),
  /** The cart token that placed the order: the server shows the order only to that token. */
  token: z.string(),
  placedAt: z.string(),
  /** Producer name per product of the cart it came from (orders carry only a producer id). */
  producers: z.record(z.string(), z.string()),
});

export type PlacedOrder = z.infer<typeof placedOrderSchema>;

const MAX_KEPT = 50;

/** Orders placed from this browser, newest first, so the customer can come back to them. */
export const orderHistory = createLocalStore("stockroom.orders", z.array(placedOrderSchema), () => []);

export function useOrderHistory(): PlacedOrder[] {
  return useLocalStore(orderHistory);
}

export function rememberOrders(orders: PlacedOrder[]): void {
  orderHistory.set((current) => [...orders, ...current.filter((o) => !orders.some((n) => n.orderId === o.orderId))].slice(0, MAX_KEPT));
}

export function findPlacedOrder(orderId: string): PlacedOrder | undefined {
  return orderHistory.get().find((order) => order.orderId === orderId);
}
