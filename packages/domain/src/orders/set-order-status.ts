import { setOrderStatusInput } from "@stockroom/contracts";
import type { OrderStatus, Tx } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import { enqueueLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { requirePermission } from "../permissions.ts";
import { applyMovementOrFail, lockProducts, type MovementView, movementView } from "../stock/apply-movement.ts";
import { actorLabel } from "../stock/find-owned.ts";
import { onceForKey } from "../stock/idempotency.ts";
import { sqlTimestamp, utcDay } from "../stock/sql-time.ts";
import { stockTransaction } from "../stock/transaction-options.ts";
import { parseInput } from "../validation.ts";
import { ORDER_TRANSITIONS, STOCK_LEAVING_STATUSES } from "./order-transitions.ts";

export interface SetOrderStatusResult {
  orderId: string;
  number: number;
  status: OrderStatus;
  /** FULFILMENT movements this call wrote (empty unless stock left on hand now). */
  movements: MovementView[];
}

/**
 * Moves an order along PENDING -> CONFIRMED -> DISPATCHED -> DELIVERED (or CANCELLED). Sending the
 * current status again is a no-op. The order row is locked first, so concurrent calls serialize and
 * stock leaves on hand exactly once (stockMovedAt).
 */
export async function setOrderStatus(deps: Deps, actor: StaffActor, input: z.input<typeof setOrderStatusInput>): Promise<SetOrderStatusResult> {
  const { orderId, status, idempotencyKey } = parseInput(setOrderStatusInput, input);
  if (status === "CANCELLED") requirePermission(actor, "orders.cancel");
  const scope = scopeProducerId(actor);
  return stockTransaction(deps, async (tx) => {
    // Ownership first, then the key scoped by the order's producer: a stranger never reaches a stored answer.
    const owned = await tx.order.findFirst({ where: { id: orderId, ...(scope ? { producerId: scope } : {}) }, select: { producerId: true } });
    if (!owned) throw notFound("Order");
    return onceForKey(tx, { action: `orders.status:${orderId}`, tenant: owned.producerId }, idempotencyKey, { status }, async () => {
      const [order] = await tx.$queryRaw<{ id: string; number: number; status: OrderStatus; producerId: string; stockMovedAt: Date | null }[]>`
          SELECT id, number, status, "producerId", "stockMovedAt" FROM "Order" WHERE id = ${orderId}::uuid FOR UPDATE`;
      if (!order) throw notFound("Order");
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
      if (status === "CANCELLED") await releaseOrderStock(tx, order.id);
      if (STOCK_LEAVING_STATUSES.includes(status) && !order.stockMovedAt) {
        result.movements = await fulfilOrder(tx, { orderId: order.id, number: order.number, actor: actorLabel(actor), today: utcDay(now), at: now });
      }
      await tx.$executeRaw`
          UPDATE "Order" SET status = ${status}::"OrderStatus", "updatedAt" = ${sqlTimestamp(now)}::timestamp,
                 "stockMovedAt" = CASE WHEN ${result.movements.length > 0 || STOCK_LEAVING_STATUSES.includes(status)} AND "stockMovedAt" IS NULL
                                       THEN ${sqlTimestamp(now)}::timestamp ELSE "stockMovedAt" END
          WHERE id = ${order.id}::uuid`;
      if (status === "CANCELLED" || result.movements.length > 0) {
        const lines = await tx.orderLine.findMany({ where: { orderId: order.id }, select: { productId: true } });
        await enqueueLowStockChecks(
          deps,
          tx,
          lines.map((l) => l.productId),
        );
      }
      return result;
    });
  });
}

async function allocationsOf(tx: Tx, orderId: string) {
  return tx.orderLineAllocation.findMany({
    where: { orderLine: { orderId } },
    include: {
      lot: { select: { lotNumber: true, expiryDate: true, productId: true } },
      orderLine: { select: { productId: true, product: { select: { name: true } } } },
    },
    orderBy: [{ orderLine: { productId: "asc" } }, { lotId: "asc" }],
  });
}

async function releaseOrderStock(tx: Tx, orderId: string): Promise<void> {
  const allocations = await allocationsOf(tx, orderId);
  await lockProducts(tx, [...new Set(allocations.map((a) => a.orderLine.productId))].sort());
  for (const a of allocations) {
    await tx.$executeRaw`UPDATE "Lot" SET reserved = reserved - ${a.quantity}::int WHERE id = ${a.lotId}::uuid`;
  }
}

/**
 * Takes the order's units out of on hand: a lot that expired since allocation is swapped for other
 * lots FEFO (or the call fails naming the lot); then one FULFILMENT movement per lot.
 */
async function fulfilOrder(tx: Tx, order: { orderId: string; number: number; actor: string; today: string; at: Date }): Promise<MovementView[]> {
  const allocations = await allocationsOf(tx, order.orderId);
  await lockProducts(tx, [...new Set(allocations.map((a) => a.orderLine.productId))].sort());
  const expiredLots = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Lot" WHERE id = ANY(${allocations.map((a) => a.lotId)}::uuid[]) AND stock_expiry_band("expiryDate", ${order.today}::date) = 'EXPIRED'`;
  const isExpired = new Set(expiredLots.map((l) => l.id));
  for (const a of allocations) {
    if (!isExpired.has(a.lotId)) continue;
    const expiry = a.lot.expiryDate?.toISOString().slice(0, 10);
    await tx.$executeRaw`UPDATE "Lot" SET reserved = reserved - ${a.quantity}::int WHERE id = ${a.lotId}::uuid`;
    await tx.orderLineAllocation.delete({ where: { orderLineId_lotId: { orderLineId: a.orderLineId, lotId: a.lotId } } });
    const [row] = await tx.$queryRaw<{ allocations: { lotId: string; quantity: number }[] | null }[]>`
      SELECT stock_allocate(${a.orderLine.productId}::uuid, ${a.quantity}::int, ${order.today}::date) AS allocations`;
    if (!row?.allocations) {
      throw new DomainError(
        "CONFLICT",
        `Lot ${a.lot.lotNumber} of ${a.orderLine.product.name} expired on ${expiry} and there is not enough other stock to replace ${a.quantity} unit(s).`,
        { details: { lotId: a.lotId, lotNumber: a.lot.lotNumber, productId: a.orderLine.productId } },
      );
    }
    for (const replacement of row.allocations) {
      await tx.$executeRaw`
        INSERT INTO "OrderLineAllocation" ("orderLineId", "lotId", quantity) VALUES (${a.orderLineId}::uuid, ${replacement.lotId}::uuid, ${replacement.quantity}::int)
        ON CONFLICT ("orderLineId", "lotId") DO UPDATE SET quantity = "OrderLineAllocation".quantity + EXCLUDED.quantity`;
    }
  }
  const movements: MovementView[] = [];
  for (const a of await allocationsOf(tx, order.orderId)) {
    const movement = await applyMovementOrFail(
      tx,
      {
        lotId: a.lotId,
        type: "FULFILMENT",
        quantity: -a.quantity,
        reservedChange: -a.quantity,
        reason: `order ${order.number} fulfilled`,
        actor: order.actor,
        at: order.at,
        referenceType: "order",
        referenceId: order.orderId,
      },
      () => new DomainError("CONFLICT", `Lot ${a.lot.lotNumber} no longer holds the ${a.quantity} unit(s) reserved for this order.`),
    );
    movements.push(movementView(movement));
  }
  return movements;
}
