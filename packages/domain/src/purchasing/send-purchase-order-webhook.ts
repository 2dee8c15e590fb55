import { Webhook } from "standardwebhooks";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { purchaseOrderDocument } from "./purchase-order-document.ts";

const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * The `purchasing.send-webhook` job: POSTs the approved PO as JSON to the supplier's webhook URL,
 * signed with the supplier's secret by the standardwebhooks library (webhook-id, webhook-timestamp,
 * webhook-signature). The id is the same on every attempt, so the supplier can drop a repeat. A
 * refusal or an unreachable URL fails retryably (pg-boss backoff); success records sentAt once.
 * Signatures carry the real time (the receiver checks it against its own clock), not the deps clock.
 */
export async function sendPurchaseOrderWebhook(
  deps: Deps,
  input: { purchaseOrderId: string },
): Promise<{ status: "sent" | "already-sent" | "not-webhook" | "missing" }> {
  const exists = await deps.db.purchaseOrder.findUnique({ where: { id: input.purchaseOrderId }, select: { id: true } });
  if (!exists) return { status: "missing" };
  const document = await purchaseOrderDocument(deps.db, input.purchaseOrderId);
  const supplier = document.supplierRecord;
  if (document.sentAt) return { status: "already-sent" };
  if (supplier.channel !== "WEBHOOK" || !supplier.webhookUrl) return { status: "not-webhook" };
  const { supplierRecord: _secretHolder, sentAt: _sentAt, ...data } = document;
  const payload = JSON.stringify({ type: "purchase_order.sent", timestamp: new Date().toISOString(), data });
  const messageId = `msg_po_${document.id}`;
  const timestamp = new Date();
  const signature = new Webhook(supplier.webhookSecret).sign(messageId, timestamp, payload);
  let failure: string | null = null;
  try {
    const response = await fetch(supplier.webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": messageId,
        "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body: payload,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    if (!response.ok) failure = `The supplier's webhook answered ${response.status}.`;
  } catch (error) {
    failure = `The supplier's webhook could not be reached: ${(error as Error).message}`;
  }
  if (failure) {
    await deps.db.purchaseOrder.update({ where: { id: document.id }, data: { sendError: failure.slice(0, 500) } });
    throw new DomainError("CONFLICT", failure, { isRetryable: true });
  }
  await deps.db.purchaseOrder.updateMany({ where: { id: document.id, sentAt: null }, data: { sentAt: deps.clock.now(), sendError: null } });
  return { status: "sent" };
}
