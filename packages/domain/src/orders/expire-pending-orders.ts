import type { Deps } from "../deps.ts";
import { stockTransaction } from "../stock/transaction-options.ts";
import { transitionOrder } from "./transition-order.ts";

/** PENDING_ORDER_TTL_HOURS when unset. */
export const DEFAULT_PENDING_ORDER_TTL_HOURS = 48;

/** The reason an expired order carries, naming the configured time. */
export function pendingExpiryReason(ttlHours: number): string {
  return `Not confirmed within ${ttlHours} ${ttlHours === 1 ? "hour" : "hours"}`;
}

/**
 * Cancels PENDING orders placed more than `ttlHours` ago, releasing their reserved units, through
 * the same transition staff use (one transaction per order, the order row locked): an order staff
 * confirm meanwhile is left alone, and its units are released at most once.
 */
export async function expirePendingOrders(deps: Deps, input: { ttlHours: number }): Promise<{ cancelled: number }> {
  const cutoff = new Date(deps.clock.now().getTime() - input.ttlHours * 3_600_000);
  const due = await deps.db.order.findMany({
    where: { status: "PENDING", createdAt: { lte: cutoff } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 1_000,
  });
  const reason = pendingExpiryReason(input.ttlHours);
  let cancelled = 0;
  for (const { id } of due) {
    const result = await stockTransaction(deps, (tx) =>
      transitionOrder(deps, tx, {
        orderId: id,
        status: "CANCELLED",
        onlyFrom: "PENDING",
        reason,
        actor: "system:orders.expire-pending",
        actorName: "Stockroom",
        channel: "WORKER",
      }),
    );
    if (result) cancelled += 1;
  }
  return { cancelled };
}
