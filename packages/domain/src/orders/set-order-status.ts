import { setOrderStatusInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { requirePermission } from "../permissions.ts";
import { actorLabel } from "../stock/find-owned.ts";
import { onceForKey } from "../stock/idempotency.ts";
import { stockTransaction } from "../stock/transaction-options.ts";
import { parseInput } from "../validation.ts";
import { type TransitionResult, transitionOrder } from "./transition-order.ts";

export type SetOrderStatusResult = TransitionResult;

/**
 * Moves an order along PENDING -> CONFIRMED -> DISPATCHED -> DELIVERED (or CANCELLED, with an
 * optional reason). Sending the current status again is a no-op. See transitionOrder.
 */
export async function setOrderStatus(
  deps: Deps,
  actor: StaffActor,
  input: z.input<typeof setOrderStatusInput>,
  channel: "ADMIN" | "API" = "ADMIN",
): Promise<SetOrderStatusResult> {
  const { orderId, status, reason, idempotencyKey } = parseInput(setOrderStatusInput, input);
  if (status === "CANCELLED") requirePermission(actor, "orders.cancel");
  const scope = scopeProducerId(actor);
  return stockTransaction(deps, async (tx) => {
    // Ownership first, then the key scoped by the order's producer: a stranger never reaches a stored answer.
    const owned = await tx.order.findFirst({ where: { id: orderId, ...(scope ? { producerId: scope } : {}) }, select: { producerId: true } });
    if (!owned) throw notFound("Order");
    return onceForKey(tx, { action: `orders.status:${orderId}`, tenant: owned.producerId }, idempotencyKey, { status, reason }, async () => {
      const result = await transitionOrder(deps, tx, { orderId, status, reason, actor: actorLabel(actor), actorName: actor.name, channel });
      if (!result) throw notFound("Order");
      return result;
    });
  });
}
