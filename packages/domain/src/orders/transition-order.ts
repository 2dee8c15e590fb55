import type { OrderChannel, OrderStatus, Tx } from "@stockroom/db";
import { enqueueLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { COUNTERS } from "../metrics/metric-counters.ts";
import type { MovementView } from "../stock/apply-movement.ts";
import { sqlTimestamp, utcDay } from "../stock/sql-time.ts";
import { queueCustomerOrderEmail } from "./customer-emails.ts";
import { recordOrderEvent } from "./order-events.ts";
import { fulfilOrder, releaseOrderStock } from "./order-stock.ts";
import { ORDER_TRANSITIONS, STOCK_LEAVING_STATUSES } from "./order-transitions.ts";

export interface OrderTransition {
  orderId: string;
  status: OrderStatus;
  /** Who: `staff:<id>` or `system:<job>`, written on the movements. */
  actor: string;
  /** The name shown in the timeline (the staff member's, or the job's). */
  actorName?: string | null;
  /** Where the change came from: the admin, the REST API or the worker. */
  channel: OrderChannel;
  /** Kept on the order when it becomes CANCELLED. */
  reason?: string;
  /** Only move an order that is still in this status (else null: someone else moved it first). */
  onlyFrom?: OrderStatus;
}

export interface TransitionResult {
  orderId: string;
  number: number;
  status: OrderStatus;
  /** FULFILMENT movements this call wrote (empty unless stock left on hand now). */
  movements: MovementView[];
}

/**
 * The one path every status change takes (staff and the worker's expiry): locks the order row, so
 * concurrent changes serialize; CANCELLED releases the reserved units once, stock leaves on hand once
 * (stockMovedAt), and every change is appended to the order's timeline in the same transaction.
 */
export async function transitionOrder(deps: Deps, tx: Tx, input: OrderTransition): Promise<TransitionResult | null> {
  const { orderId, status } = input;
  const [order] = await tx.$queryRaw<{ id: string; number: number; status: OrderStatus; stockMovedAt: Date | null }[]>`
      SELECT id, number, status, "stockMovedAt" FROM "Order" WHERE id = ${orderId}::uuid FOR UPDATE`;
  if (!order) throw notFound("Order");
  if (input.onlyFrom && order.status !== input.onlyFrom) return null;
  const result = { orderId: order.id, number: order.number, status, movements: [] as MovementView[] };
  if (order.status === status) return result;
  const allowed = ORDER_TRANSITIONS[order.status];
  if (!allowed.includes(status)) {
    throw new DomainError(
      "CONFLICT",
      `An order that is ${order.status} cannot become ${status}. ${allowed.length ? `Allowed: ${allowed.join(", ")}.` : "It is final."}`,
      { details: { from: order.status, to: status, allowed } },
    );
  }
  const now = deps.clock.now();
  const isCancel = status === "CANCELLED";
  if (isCancel) await releaseOrderStock(tx, order.id);
  if (STOCK_LEAVING_STATUSES.includes(status) && !order.stockMovedAt) {
    result.movements = await fulfilOrder(tx, { orderId: order.id, number: order.number, actor: input.actor, today: utcDay(now), at: now }).catch(
      (error: unknown) => {
        // An order taken that its stock cannot fill: oversellIncidents (docs/METRICS.md).
        if (error instanceof DomainError && error.code === "CONFLICT") deps.counters?.add(COUNTERS.fulfilmentShort);
        throw error;
      },
    );
  }
  await tx.$executeRaw`
      UPDATE "Order" SET status = ${status}::"OrderStatus", "updatedAt" = ${sqlTimestamp(now)}::timestamp,
             "stockMovedAt" = CASE WHEN ${result.movements.length > 0 || STOCK_LEAVING_STATUSES.includes(status)} AND "stockMovedAt" IS NULL
                                   THEN ${sqlTimestamp(now)}::timestamp ELSE "stockMovedAt" END,
             "cancelledAt" = CASE WHEN ${isCancel} THEN ${sqlTimestamp(now)}::timestamp ELSE "cancelledAt" END,
             "cancelReason" = CASE WHEN ${isCancel} THEN ${input.reason ?? null}::text ELSE "cancelReason" END
      WHERE id = ${order.id}::uuid`;
  await recordOrderEvent(tx, {
    orderId: order.id,
    kind: "STATUS",
    fromStatus: order.status,
    toStatus: status,
    actor: input.actor,
    actorName: input.actorName,
    channel: input.channel,
    body: isCancel ? (input.reason ?? null) : null,
    at: now,
  });
  await queueCustomerOrderEmail(deps, tx, { orderId: order.id, event: status });
  if (isCancel || result.movements.length > 0) {
    const lines = await tx.orderLine.findMany({ where: { orderId: order.id }, select: { productId: true } });
    await enqueueLowStockChecks(
      deps,
      tx,
      lines.map((l) => l.productId),
    );
  }
  return result;
}
