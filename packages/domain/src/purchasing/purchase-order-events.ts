import type { Tx } from "@stockroom/db";

/**
 * One function per purchase order status change, each called in the transaction of that change.
 * They are where a `purchase_order.*` webhook-out event would be recorded (the outbox is built
 * elsewhere): connect each to it with the event named in its comment. They do nothing yet.
 */
export interface PurchaseOrderEvent {
  purchaseOrderId: string;
  producerId: string;
  reference: string;
}

/** `purchase_order.drafted`: a PO was created (PENDING_APPROVAL), by the reorder job or a person. */
export async function purchaseOrderDrafted(_tx: Tx, _event: PurchaseOrderEvent): Promise<void> {}

/** `purchase_order.approved`: approved and being sent to the supplier. */
export async function purchaseOrderApproved(_tx: Tx, _event: PurchaseOrderEvent): Promise<void> {}

/** `purchase_order.rejected`: rejected with a reason before approval. */
export async function purchaseOrderRejected(_tx: Tx, _event: PurchaseOrderEvent & { reason: string }): Promise<void> {}

/** `purchase_order.cancelled`: cancelled after approval, before anything arrived. */
export async function purchaseOrderCancelled(_tx: Tx, _event: PurchaseOrderEvent): Promise<void> {}

/** `purchase_order.partially_received`: some units arrived, some are outstanding. */
export async function purchaseOrderPartiallyReceived(_tx: Tx, _event: PurchaseOrderEvent): Promise<void> {}

/** `purchase_order.received`: every line complete; the PO is closed. */
export async function purchaseOrderReceived(_tx: Tx, _event: PurchaseOrderEvent): Promise<void> {}

/** `purchase_order.shipment_confirmed`: the supplier confirmed the shipment (expected date, quantities). */
export async function purchaseOrderShipmentConfirmed(_tx: Tx, _event: PurchaseOrderEvent): Promise<void> {}
