import type { Tx } from "@stockroom/db";
import { DomainError } from "../errors.ts";
import { applyMovementOrFail, lockProducts, type MovementView, movementView } from "../stock/apply-movement.ts";

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

export async function releaseOrderStock(tx: Tx, orderId: string): Promise<void> {
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
export async function fulfilOrder(tx: Tx, order: { orderId: string; number: number; actor: string; today: string; at: Date }): Promise<MovementView[]> {
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
  // fifoComplianceRate's record: were each line's lots the FEFO-optimal ones now, as the stock leaves?
  await tx.$executeRaw`
    UPDATE "OrderLine" ol SET "fefoOptimal" = stock_is_fefo_optimal(ol."productId",
      ARRAY(SELECT a."lotId" FROM "OrderLineAllocation" a WHERE a."orderLineId" = ol.id), ${order.today}::date)
    WHERE ol."orderId" = ${order.orderId}::uuid`;
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
