import { purchaseOrderIdInput, rejectPurchaseOrderInput, updatePurchaseOrderLineInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { requirePermission } from "../permissions.ts";
import { parseInput } from "../validation.ts";
import { lockPurchaseOrder } from "./approve-purchase-order.ts";
import { purchaseOrderCancelled, purchaseOrderRejected } from "./purchase-order-events.ts";
import { findOwnedPurchaseOrder, getPurchaseOrder } from "./purchase-order-view.ts";

const AWAITING = ["DRAFT", "PENDING_APPROVAL"];

/** Edits a line's quantity and cost while the PO awaits approval. */
export async function updatePurchaseOrderLine(deps: Deps, actor: StaffActor, input: z.input<typeof updatePurchaseOrderLineInput>) {
  requirePermission(actor, "purchasing.manage");
  const data = parseInput(updatePurchaseOrderLineInput, input);
  const found = await findOwnedPurchaseOrder(deps.db, actor, data.purchaseOrderId);
  await deps.db.$transaction(async (tx) => {
    const order = await lockPurchaseOrder(tx, found.id);
    if (!AWAITING.includes(order.status))
      throw new DomainError("CONFLICT", `${order.reference} is ${order.status.toLowerCase()}; only an order awaiting approval can be edited.`);
    const updated = await tx.purchaseOrderLine.updateMany({
      where: { id: data.lineId, purchaseOrderId: order.id },
      data: { quantity: data.quantity, unitCostCents: data.unitCostCents },
    });
    if (updated.count === 0) throw notFound("Purchase order line");
    await recordAudit(tx, {
      action: "purchase_order.line_changed",
      producerId: order.producerId,
      actor,
      target: { type: "purchase_order", id: order.id },
      details: { lineId: data.lineId, quantity: data.quantity, unitCostCents: data.unitCostCents },
      at: deps.clock.now(),
    });
  });
  return getPurchaseOrder(deps, actor, { purchaseOrderId: found.id });
}

/** Rejects a PO awaiting approval, with a reason; its lines no longer block a new draft. Rejecting it again changes nothing. */
export async function rejectPurchaseOrder(deps: Deps, actor: StaffActor, input: z.input<typeof rejectPurchaseOrderInput>) {
  requirePermission(actor, "purchasing.manage");
  const { purchaseOrderId, reason } = parseInput(rejectPurchaseOrderInput, input);
  const found = await findOwnedPurchaseOrder(deps.db, actor, purchaseOrderId);
  await deps.db.$transaction(async (tx) => {
    const order = await lockPurchaseOrder(tx, found.id);
    if (order.status === "REJECTED") return;
    if (!AWAITING.includes(order.status))
      throw new DomainError("CONFLICT", `${order.reference} is ${order.status.toLowerCase()}; only an order awaiting approval can be rejected.`);
    const now = deps.clock.now();
    await tx.purchaseOrder.update({ where: { id: order.id }, data: { status: "REJECTED", rejectReason: reason, closedAt: now } });
    await tx.purchaseOrderLine.updateMany({ where: { purchaseOrderId: order.id }, data: { awaitingApproval: false } });
    await purchaseOrderRejected(tx, { purchaseOrderId: order.id, producerId: order.producerId, reference: order.reference, reason });
    await recordAudit(tx, {
      action: "purchase_order.rejected",
      producerId: order.producerId,
      actor,
      target: { type: "purchase_order", id: order.id },
      details: { reference: order.reference, reason },
      at: now,
    });
  });
  return getPurchaseOrder(deps, actor, { purchaseOrderId: found.id });
}

/** Cancels an approved PO before anything arrived (its outstanding units stop counting as incoming). */
export async function cancelPurchaseOrder(deps: Deps, actor: StaffActor, input: z.input<typeof purchaseOrderIdInput>) {
  requirePermission(actor, "purchasing.manage");
  const { purchaseOrderId } = parseInput(purchaseOrderIdInput, input);
  const found = await findOwnedPurchaseOrder(deps.db, actor, purchaseOrderId);
  await deps.db.$transaction(async (tx) => {
    const order = await lockPurchaseOrder(tx, found.id);
    if (order.status === "CANCELLED") return;
    if (order.status !== "APPROVED")
      throw new DomainError("CONFLICT", `${order.reference} is ${order.status.toLowerCase()}; only an approved order with nothing received can be cancelled.`);
    const now = deps.clock.now();
    await tx.purchaseOrder.update({ where: { id: order.id }, data: { status: "CANCELLED", closedAt: now } });
    await purchaseOrderCancelled(tx, { purchaseOrderId: order.id, producerId: order.producerId, reference: order.reference });
    await recordAudit(tx, {
      action: "purchase_order.cancelled",
      producerId: order.producerId,
      actor,
      target: { type: "purchase_order", id: order.id },
      details: { reference: order.reference },
      at: now,
    });
  });
  return getPurchaseOrder(deps, actor, { purchaseOrderId: found.id });
}
