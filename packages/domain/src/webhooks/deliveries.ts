import { listWebhookDeliveriesInput, WEBHOOK_TEST_EVENT, webhookDeliveryIdInput, webhookEndpointIdInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { findOwnedEndpoint } from "./find-endpoint.ts";

/** An endpoint's deliveries, newest first, each with its attempts (the delivery log). */
export async function listWebhookDeliveries(deps: Deps, actor: StaffActor, input: z.input<typeof listWebhookDeliveriesInput>) {
  const { endpointId, status, limit } = parseInput(listWebhookDeliveriesInput, input);
  await findOwnedEndpoint(deps.db, actor, endpointId);
  const rows = await deps.db.webhookDelivery.findMany({
    where: { endpointId, ...(status ? { status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { event: true, attemptLog: { orderBy: { id: "desc" }, take: 20 } },
  });
  return rows.map((d) => ({
    id: d.id,
    eventId: d.eventId,
    eventType: d.event.type,
    sequence: d.event.seq.toString(),
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === "PENDING" ? d.nextAttemptAt.toISOString() : null,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    attemptLog: d.attemptLog.map((a) => ({
      at: a.at.toISOString(),
      statusCode: a.statusCode,
      latencyMs: a.latencyMs,
      responseExcerpt: a.responseExcerpt,
      error: a.error,
    })),
  }));
}

/** "Send again": a finished delivery starts a new run of attempts now, with the same event id. */
export async function resendWebhookDelivery(deps: Deps, actor: StaffActor, input: z.input<typeof webhookDeliveryIdInput>) {
  const { deliveryId } = parseInput(webhookDeliveryIdInput, input);
  const scope = scopeProducerId(actor);
  const delivery = await deps.db.webhookDelivery.findFirst({ where: { id: deliveryId, ...(scope ? { producerId: scope } : {}) } });
  if (!delivery) throw notFound("Webhook delivery");
  const endpoint = await deps.db.webhookEndpoint.findUniqueOrThrow({ where: { id: delivery.endpointId } });
  if (!endpoint.isEnabled) throw new DomainError("CONFLICT", "This endpoint is switched off: switch it on first.");
  await deps.db.$transaction(async (tx) => {
    const restarted = await tx.$executeRaw`
      UPDATE "WebhookDelivery" SET status = 'PENDING', attempts = 0, "nextAttemptAt" = now() AT TIME ZONE 'UTC', "deliveredAt" = NULL
      WHERE id = ${deliveryId}::uuid AND status IN ('DELIVERED', 'FAILED')`;
    if (restarted === 0) throw new DomainError("CONFLICT", "This delivery is still being sent.");
    await recordAudit(tx, {
      action: "webhooks.delivery_resent",
      producerId: delivery.producerId,
      actor,
      target: { type: "webhook_delivery", id: deliveryId },
      details: { eventId: delivery.eventId, endpointId: delivery.endpointId },
      at: deps.clock.now(),
    });
  });
  return { deliveryId, status: "PENDING" as const };
}

/** "Send test event": a webhook.test event for this endpoint only (enabled or not), delivered like any other. */
export async function sendWebhookTestEvent(deps: Deps, actor: StaffActor, input: z.input<typeof webhookEndpointIdInput>) {
  const { endpointId } = parseInput(webhookEndpointIdInput, input);
  const endpoint = await findOwnedEndpoint(deps.db, actor, endpointId);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const event = await tx.webhookEvent.create({
      data: {
        producerId: endpoint.producerId,
        type: WEBHOOK_TEST_EVENT,
        resourceId: endpointId,
        payload: { endpointId, message: "A test event from Stockroom." },
        createdAt: now,
      },
    });
    const delivery = await tx.webhookDelivery.create({ data: { eventId: event.id, endpointId, producerId: endpoint.producerId, createdAt: now } });
    await recordAudit(tx, {
      action: "webhooks.test_sent",
      producerId: endpoint.producerId,
      actor,
      target: { type: "webhook_endpoint", id: endpointId },
      at: now,
    });
    return { eventId: event.id, deliveryId: delivery.id };
  });
}
