import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { postWebhook } from "../webhooks/post-webhook.ts";
import { webhookSettingsOf } from "../webhooks/webhook-settings.ts";
import { purchaseOrderDocument } from "./purchase-order-document.ts";

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
  // The shared sender: Standard Webhooks signature, no redirects, and the address checked when it connects (SSRF).
  const outcome = await postWebhook(
    { url: supplier.webhookUrl, secret: supplier.webhookSecret, id: `msg_po_${document.id}`, timestamp: new Date(), body: payload },
    webhookSettingsOf(deps),
  );
  const failure = outcome.isDelivered
    ? null
    : outcome.statusCode
      ? `The supplier's webhook answered ${outcome.statusCode}.`
      : `The supplier's webhook could not be reached: ${outcome.error}`;
  if (failure) {
    await deps.db.purchaseOrder.update({ where: { id: document.id }, data: { sendError: failure.slice(0, 500) } });
    throw new DomainError("CONFLICT", failure, { isRetryable: true });
  }
  await deps.db.purchaseOrder.updateMany({ where: { id: document.id, sentAt: null }, data: { sentAt: deps.clock.now(), sendError: null } });
  return { status: "sent" };
}
