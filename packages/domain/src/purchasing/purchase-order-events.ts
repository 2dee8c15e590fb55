import type { Tx } from "@stockroom/db";
import { recordWebhookEvent } from "../webhooks/record-webhook-event.ts";

/**
 * One function per purchase order status change, each called in the transaction of that change:
 * each records its `purchase_order.*` webhook event in the outbox (nothing when no endpoint of the
 * producer listens), so an event is never sent for a change that rolled back. The payload is the
 * order as it stands after the change (docs/WEBHOOKS.md).
 */
export interface PurchaseOrderEvent {
  purchaseOrderId: string;
  producerId: string;
  reference: string;
}

async function record(tx: Tx, type: string, event: PurchaseOrderEvent, extra: Record<string, unknown> = {}): Promise<void> {
  const order = await tx.purchaseOrder.findUniqueOrThrow({
    where: { id: event.purchaseOrderId },
    include: { supplier: { select: { id: true, name: true } }, lines: { include: { product: { select: { sku: true } } } } },
  });
  await recordWebhookEvent(tx, {
    producerId: event.producerId,
    type,
    resourceId: order.id,
    payload: {
      purchaseOrderId: order.id,
      reference: order.reference,
      status: order.status,
      supplier: order.supplier,
      shipmentExpectedOn: order.shipmentExpectedOn?.toISOString().slice(0, 10) ?? null,
      lines: order.lines.map((l) => ({
        productId: l.productId,
        sku: l.product.sku,
        quantity: l.quantity,
        receivedQuantity: l.receivedQuantity,
        shippedQuantity: l.shippedQuantity,
        unitCostCents: l.unitCostCents,
      })),
      ...extra,
    },
  });
}

/** `purchase_order.drafted`: a PO was created (PENDING_APPROVAL), by the reorder job or a person. */
export const purchaseOrderDrafted = (tx: Tx, event: PurchaseOrderEvent) => record(tx, "purchase_order.drafted", event);

/** `purchase_order.approved`: approved and being sent to the supplier. */
export const purchaseOrderApproved = (tx: Tx, event: PurchaseOrderEvent) => record(tx, "purchase_order.approved", event);

/** `purchase_order.rejected`: rejected with a reason before approval. */
export const purchaseOrderRejected = (tx: Tx, event: PurchaseOrderEvent & { reason: string }) =>
  record(tx, "purchase_order.rejected", event, { reason: event.reason });

/** `purchase_order.cancelled`: cancelled after approval, before anything arrived. */
export const purchaseOrderCancelled = (tx: Tx, event: PurchaseOrderEvent) => record(tx, "purchase_order.cancelled", event);

/** `purchase_order.partially_received`: some units arrived, some are outstanding. */
export const purchaseOrderPartiallyReceived = (tx: Tx, event: PurchaseOrderEvent) => record(tx, "purchase_order.partially_received", event);

/** `purchase_order.received`: every line complete; the PO is closed. */
export const purchaseOrderReceived = (tx: Tx, event: PurchaseOrderEvent) => record(tx, "purchase_order.received", event);

/** `purchase_order.shipment_confirmed`: the supplier confirmed the shipment (expected date, quantities). */
export const purchaseOrderShipmentConfirmed = (tx: Tx, event: PurchaseOrderEvent) => record(tx, "purchase_order.shipment_confirmed", event);
