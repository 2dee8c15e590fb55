import { receivePurchaseOrderInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { requirePermission } from "../permissions.ts";
import { actorLabel, findOwnedLocation } from "../stock/find-owned.ts";
import { onceForKey } from "../stock/idempotency.ts";
import { receiveIntoLot } from "../stock/receive-lot.ts";
import { checkReceivingRules } from "../stock/receiving-rules.ts";
import { utcDay } from "../stock/sql-time.ts";
import { stockTransaction } from "../stock/transaction-options.ts";
import { parseInput } from "../validation.ts";
import { lockPurchaseOrder } from "./approve-purchase-order.ts";
import { purchaseOrderPartiallyReceived, purchaseOrderReceived } from "./purchase-order-events.ts";
import { findOwnedPurchaseOrder } from "./purchase-order-view.ts";

/**
 * Receives units of one PO line as a lot (number, expiry) through the same receipt as the stock
 * form (`receiveIntoLot`: lot, RECEIPT movement referencing the PO, low-stock check), at the line's
 * cost. The PO row is locked first, so concurrent receipts queue and never take more than is
 * outstanding (unless `allowOverReceipt`). The PO becomes PARTIALLY_RECEIVED, then RECEIVED when
 * every line is complete.
 */
export async function receivePurchaseOrder(deps: Deps, actor: StaffActor, input: z.input<typeof receivePurchaseOrderInput>) {
  requirePermission(actor, "stock.receive");
  const { idempotencyKey, ...data } = parseInput(receivePurchaseOrderInput, input);
  const found = await findOwnedPurchaseOrder(deps.db, actor, data.purchaseOrderId);
  const location = await findOwnedLocation(deps.db, found.producerId, data.locationId);
  if (location.archivedAt || location.isQuarantine)
    throw new DomainError("VALIDATION_FAILED", `Receive into a working location, not ${location.name}.`, { fields: { locationId: "Not available." } });
  return stockTransaction(deps, (tx) =>
    onceForKey(tx, { action: "purchasing.receive", tenant: found.producerId }, idempotencyKey, data, async () => {
      const order = await lockPurchaseOrder(tx, found.id);
      if (order.status !== "APPROVED" && order.status !== "PARTIALLY_RECEIVED")
        throw new DomainError("CONFLICT", `${order.reference} is ${order.status.toLowerCase()}; only an approved order can be received.`);
      const line = await tx.purchaseOrderLine.findFirst({ where: { id: data.lineId, purchaseOrderId: order.id }, include: { product: true } });
      if (!line) throw notFound("Purchase order line");
      const outstanding = Math.max(0, line.quantity - line.receivedQuantity);
      if (data.quantity > outstanding && !data.allowOverReceipt)
        throw new DomainError("VALIDATION_FAILED", `Only ${outstanding} of ${line.product.name} are outstanding on ${order.reference}.`, {
          fields: { quantity: `At most ${outstanding}.` },
          details: { outstanding },
        });
      checkReceivingRules(line.product, data.expiryDate, utcDay(deps.clock.now()), false);
      const receipt = await receiveIntoLot(deps, tx, {
        product: line.product,
        locationId: location.id,
        lotNumber: data.lotNumber,
        expiryDate: data.expiryDate ? new Date(`${data.expiryDate}T00:00:00Z`) : null,
        unitCostCents: line.unitCostCents,
        quantity: data.quantity,
        reason: `received on ${order.reference}`,
        actor: actorLabel(actor),
        reference: { type: "purchase_order", id: order.id },
      });
      await tx.purchaseOrderLine.update({ where: { id: line.id }, data: { receivedQuantity: { increment: data.quantity } } });
      const lines = await tx.purchaseOrderLine.findMany({ where: { purchaseOrderId: order.id } });
      const isComplete = lines.every((l) => l.receivedQuantity >= l.quantity);
      const event = { purchaseOrderId: order.id, producerId: order.producerId, reference: order.reference };
      const now = deps.clock.now();
      await tx.purchaseOrder.update({
        where: { id: order.id },
        data: isComplete ? { status: "RECEIVED", closedAt: now } : { status: "PARTIALLY_RECEIVED" },
      });
      if (isComplete) await purchaseOrderReceived(tx, event);
      else if (order.status === "APPROVED") await purchaseOrderPartiallyReceived(tx, event);
      await recordAudit(tx, {
        action: "purchase_order.received",
        producerId: order.producerId,
        actor,
        target: { type: "purchase_order", id: order.id },
        details: { lineId: line.id, lotNumber: data.lotNumber, quantity: data.quantity },
        at: now,
      });
      return { lotId: receipt.lotId, status: isComplete ? ("RECEIVED" as const) : ("PARTIALLY_RECEIVED" as const), movementId: receipt.movement.id };
    }),
  );
}
