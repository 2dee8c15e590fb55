import type { Prisma, Tx } from "@stockroom/db";

export interface WebhookEventInput {
  producerId: string;
  /** A dotted type, e.g. "purchase_order.received" (add it to WEBHOOK_EVENT_GROUPS and docs/WEBHOOKS.md). */
  type: string;
  /** The record the event is about; its events carry increasing sequence numbers. */
  resourceId: string;
  payload: Prisma.InputJsonValue;
}

/**
 * The domain's entry point to the outbox, for events no trigger can see (purchase_order.*): call it
 * with the transaction that makes the change. It calls the SQL function the triggers use
 * (webhook_record_event): the event and its deliveries commit or roll back with the change; with
 * no endpoint subscribed nothing is written and null comes back.
 */
export async function recordWebhookEvent(tx: Tx, event: WebhookEventInput): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ id: string | null }[]>`
    SELECT webhook_record_event(${event.producerId}::uuid, ${event.type}, ${event.resourceId}, ${JSON.stringify(event.payload)}::jsonb)::text AS id`;
  return row?.id ?? null;
}
