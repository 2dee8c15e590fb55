import { returnOrderInput } from "@stockroom/contracts";
import type { Tx } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import { enqueueLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { requirePermission } from "../permissions.ts";
import { applyMovementOrFail, lockProducts, type MovementView, movementView } from "../stock/apply-movement.ts";
import { actorLabel } from "../stock/find-owned.ts";
import { onceForKey } from "../stock/idempotency.ts";
import { stockTransaction } from "../stock/transaction-options.ts";
import { parseInput } from "../validation.ts";
import { queueReturnEmail } from "./return-email.ts";
import { checkReturnable, lotKey, returnableLots } from "./returnable-units.ts";

export interface ReturnResult {
  returnId: string;
  orderId: string;
  /** RETURN movements (units back in their lot), then WRITE_OFF ones for units not fit to sell. */
  movements: MovementView[];
  /** Cost of the units written off. */
  costCents: number;
}

/**
 * Takes back units of a DELIVERED order, per order line and the lot they were delivered from.
 * RESTOCK: a RETURN movement puts them back in that lot (sellable again if the lot is). WRITE_OFF
 * (needs stock.writeOff): the same RETURN, then a WRITE_OFF at the lot's unit cost, so the ledger
 * shows the units came back and were disposed of. The order row is locked first, so concurrent
 * returns queue and none can take back more than was delivered.
 */
export async function returnOrder(deps: Deps, actor: StaffActor, input: z.input<typeof returnOrderInput>): Promise<ReturnResult> {
  const { orderId, reason, lines, idempotencyKey } = parseInput(returnOrderInput, input);
  if (lines.some((l) => l.disposition === "WRITE_OFF")) requirePermission(actor, "stock.writeOff");
  const scope = scopeProducerId(actor);
  return stockTransaction(deps, async (tx) => {
    const owned = await tx.order.findFirst({ where: { id: orderId, ...(scope ? { producerId: scope } : {}) }, select: { producerId: true } });
    if (!owned) throw notFound("Order");
    return onceForKey(tx, { action: `orders.return:${orderId}`, tenant: owned.producerId }, idempotencyKey, { reason, lines }, async () => {
      const [order] = await tx.$queryRaw<{ id: string; reference: string; status: string }[]>`
        SELECT id, reference, status FROM "Order" WHERE id = ${orderId}::uuid FOR UPDATE`;
      if (!order) throw notFound("Order");
      if (order.status !== "DELIVERED") {
        throw new DomainError("CONFLICT", `Only delivered orders can take returns; ${order.reference} is ${order.status}.`, {
          fields: { orderId: "not delivered" },
          details: { status: order.status },
        });
      }
      const returnable = await returnableLots(tx, orderId);
      checkReturnable(returnable, lines);
      const now = deps.clock.now();
      const created = await tx.orderReturn.create({
        data: { orderId, producerId: owned.producerId, reason, actor: actorLabel(actor), actorName: actor.name, createdAt: now, lines: { create: lines } },
      });
      const productIds = lines.map((l) => returnable.get(lotKey(l))?.productId as string);
      await lockProducts(tx, [...new Set(productIds)].sort());
      const result = await writeMovements(tx, { lines, reason, reference: order.reference, returnId: created.id, actor: actorLabel(actor), at: now });
      await enqueueLowStockChecks(deps, tx, productIds);
      await queueReturnEmail(deps, tx, { orderId, returnId: created.id });
      return { returnId: created.id, orderId, ...result };
    });
  });
}

async function writeMovements(
  tx: Tx,
  r: { lines: z.output<typeof returnOrderInput>["lines"]; reason: string; reference: string; returnId: string; actor: string; at: Date },
): Promise<Omit<ReturnResult, "returnId" | "orderId">> {
  const common = { actor: r.actor, at: r.at, referenceType: "order-return", referenceId: r.returnId };
  const movements: MovementView[] = [];
  let costCents = 0;
  for (const line of r.lines) {
    const back = await applyMovementOrFail(
      tx,
      { ...common, lotId: line.lotId, type: "RETURN", quantity: line.quantity, reason: `return ${r.reference}: ${r.reason}` },
      () => new DomainError("CONFLICT", "The lot could not take the returned units back."),
    );
    movements.push(movementView(back));
    if (line.disposition !== "WRITE_OFF") continue;
    const off = await applyMovementOrFail(
      tx,
      { ...common, lotId: line.lotId, type: "WRITE_OFF", quantity: -line.quantity, reason: `write-off: returned ${r.reference} (${r.reason})` },
      () => new DomainError("CONFLICT", "The returned units could not be written off."),
    );
    movements.push(movementView(off));
    costCents += line.quantity * off.unitCostCents;
  }
  return { movements, costCents };
}
