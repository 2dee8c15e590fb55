import { isNotFound } from "@stockroom/ui";
import { Link, notFound } from "@tanstack/react-router";
import { z } from "zod";
import type { Order } from "../../lib/api-types.ts";
import type { RouterContext } from "../../lib/router-context.ts";

/** The order a page at /orders/<id>... shows, or the route's not-found view (a malformed id, or not the staff member's). */
export async function loadOrderOrNotFound({ queryClient, trpc }: RouterContext, orderId: string): Promise<Order> {
  if (!z.uuid().safeParse(orderId).success) throw notFound();
  try {
    return await queryClient.ensureQueryData(trpc.orders.get.queryOptions({ orderId }));
  } catch (error) {
    if (isNotFound(error)) throw notFound();
    throw error;
  }
}

export function OrderNotFound() {
  return (
    <div className="notice-page">
      <h1>Order not found</h1>
      <p>There is no order at this address that you can see.</p>
      <Link to="/orders" className="button">
        Back to orders
      </Link>
    </div>
  );
}
