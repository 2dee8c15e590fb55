import type { AppRouter } from "@stockroom/api/client";
import type { inferRouterOutputs } from "@trpc/server";
import type { CustomerOrder } from "./order-queries.ts";
import type { Trpc } from "./trpc.ts";

export type CustomerOrderSummary = inferRouterOutputs<AppRouter>["customer"]["orders"]["orders"][number];

/** While an order can still change, its page asks again this often (and when the window regains focus). */
export const LIVE_ORDER_REFRESH_MS = 5_000;

const FINAL_STATUSES = new Set(["DELIVERED", "CANCELLED"]);
export const isFinalStatus = (status: string) => FINAL_STATUSES.has(status);

/** The signed-in customer (their own cookie), or null: a guest. */
export function customerMeQuery(trpc: Trpc) {
  return trpc.customer.me.queryOptions(undefined, { staleTime: 60_000 });
}

/** An order the signed-in customer placed from any browser (the server matches it by their email). */
export function signedInOrderQuery(trpc: Trpc, orderId: string) {
  return trpc.orders.mine.queryOptions({ orderId });
}

/** A live order: polled until it is delivered or cancelled, so a dispatch by staff shows without a reload. */
export const liveRefresh = {
  refetchInterval: (query: { state: { data?: CustomerOrder | undefined } }) =>
    query.state.data && isFinalStatus(query.state.data.status) ? false : LIVE_ORDER_REFRESH_MS,
  refetchOnWindowFocus: "always" as const,
};
