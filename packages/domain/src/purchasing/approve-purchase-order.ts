import { purchaseOrderIdInput } from "@stockroom/contracts";
import type { Tx } from "@stockroom/db";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { queueNotifications } from "../alerts/queue-notifications.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { requirePermission } from "../permissions.ts";
import { actorLabel } from "../stock/find-owned.ts";
import { parseInput } from "../validation.ts";
import { purchaseOrderDocument } from "./purchase-order-document.ts";
import { purchaseOrderApproved } from "./purchase-order-events.ts";
import { findOwnedPurchaseOrder, getPurchaseOrder } from "./purchase-order-view.ts";

/** Locks the order row for the rest of the transaction: status changes and receipts of one PO queue. */
export async function lockPurchaseOrder(tx: Tx, purchaseOrderId: string) {
  await tx.$queryRaw`SELECT id FROM "PurchaseOrder" WHERE id = ${purchaseOrderId}::uuid FOR UPDATE`;
  return tx.purchaseOrder.findUniqueOrThrow({ where: { id: purchaseOrderId }, include: { supplier: true } });
}

/**
 * Approves a PO awaiting approval and sends it to the supplier in the same transaction: an email
 * through the notification pipeline (Notification row + send job), or a `purchasing.send-webhook`
 * job that POSTs it signed. Approving an approved order again changes and sends nothing.
 */
export async function approvePurchaseOrder(deps: Deps, actor: StaffActor, input: z.input<typeof purchaseOrderIdInput>) {
  requirePermission(actor, "purchasing.manage");
  const { purchaseOrderId } = parseInput(purchaseOrderIdInput, input);
  const found = await findOwnedPurchaseOrder(deps.db, actor, purchaseOrderId);
  await deps.db.$transaction(async (tx) => {
    const order = await lockPurchaseOrder(tx, found.id);
    if (["APPROVED", "PARTIALLY_RECEIVED", "RECEIVED"].includes(order.status)) return;
    if (order.status !== "PENDING_APPROVAL" && order.status !== "DRAFT")
      throw new DomainError("CONFLICT", `${order.reference} is ${order.status.toLowerCase()}; it cannot be approved.`);
    const lineCount = await tx.purchaseOrderLine.count({ where: { purchaseOrderId: order.id } });
    if (lineCount === 0) throw new DomainError("VALIDATION_FAILED", `${order.reference} has no lines.`);
    const now = deps.clock.now();
    await tx.purchaseOrder.update({ where: { id: order.id }, data: { status: "APPROVED", approvedAt: now, approvedBy: actorLabel(actor) } });
    await tx.purchaseOrderLine.updateMany({ where: { purchaseOrderId: order.id }, data: { awaitingApproval: false } });
    if (order.supplier.channel === "WEBHOOK") {
      await deps.jobs.send("purchasing.send-webhook", { purchaseOrderId: order.id }, { tx });
    } else if (order.supplier.email) {
      const document = await purchaseOrderDocument(tx, order.id);
      await queueNotifications(
        deps,
        tx,
        { recipients: { EMAIL: [order.supplier.email], SMS: [], WHATSAPP: [] }, quietHours: null },
        {
          producerId: order.producerId,
          eventKey: `purchase-order:${order.id}:sent`,
          channels: ["EMAIL"],
          template: "purchase-order",
          subject: `Purchase order ${order.reference} from ${document.producer}`,
          body: purchaseOrderEmailBody(document),
        },
      );
      await tx.purchaseOrder.update({ where: { id: order.id }, data: { sentAt: now } });
    }
    await purchaseOrderApproved(tx, { purchaseOrderId: order.id, producerId: order.producerId, reference: order.reference });
    await recordAudit(tx, {
      action: "purchase_order.approved",
      producerId: order.producerId,
      actor,
      target: { type: "purchase_order", id: order.id },
      details: { reference: order.reference, channel: order.supplier.channel },
      at: now,
    });
  });
  return getPurchaseOrder(deps, actor, { purchaseOrderId: found.id });
}

function purchaseOrderEmailBody(d: Awaited<ReturnType<typeof purchaseOrderDocument>>): string {
  const money = (cents: number) => (cents / 100).toFixed(2);
  const lines = d.lines.map((l) => `- ${l.supplierSku ?? l.sku} ${l.name}: ${l.quantity} x ${money(l.unitCostCents)} = ${money(l.quantity * l.unitCostCents)}`);
  return [
    `Hello ${d.supplier},`,
    "",
    `${d.producer} orders the following (purchase order ${d.reference}):`,
    "",
    ...lines,
    "",
    `Total: ${money(d.totalCents)}`,
    "",
    `Please quote ${d.reference} on the delivery note and confirm the expected delivery date.`,
  ].join("\n");
}
