import {
  createWebhookEndpointInput,
  MAX_WEBHOOK_ENDPOINTS,
  producerScopeInput,
  setWebhookEndpointEnabledInput,
  updateWebhookEndpointInput,
  webhookEndpointIdInput,
} from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { newWebhookSecret } from "./endpoint-secret.ts";
import { endpointView } from "./endpoint-view.ts";
import { findOwnedEndpoint } from "./find-endpoint.ts";
import { checkWebhookUrl } from "./url-safety.ts";
import { webhookSettingsOf } from "./webhook-settings.ts";

function producerOf(actor: StaffActor, requested?: string): string {
  const producerId = scopeProducerId(actor, requested);
  if (!producerId) throw new DomainError("VALIDATION_FAILED", "Choose a producer.", { fields: { producerId: "Choose a producer." } });
  return producerId;
}

export async function listWebhookEndpoints(deps: Deps, actor: StaffActor, input: z.input<typeof producerScopeInput>) {
  const scope = scopeProducerId(actor, parseInput(producerScopeInput, input).producerId);
  const rows = await deps.db.webhookEndpoint.findMany({ where: scope ? { producerId: scope } : {}, orderBy: { createdAt: "asc" } });
  return rows.map(endpointView);
}

/** A new endpoint with a secret we generate; the URL is checked (SSRF) before anything is written. */
export async function createWebhookEndpoint(deps: Deps, actor: StaffActor, input: z.input<typeof createWebhookEndpointInput>) {
  const { producerId: requested, ...data } = parseInput(createWebhookEndpointInput, input);
  const producerId = producerOf(actor, requested);
  await checkWebhookUrl(data.url, webhookSettingsOf(deps));
  if ((await deps.db.webhookEndpoint.count({ where: { producerId } })) >= MAX_WEBHOOK_ENDPOINTS)
    throw new DomainError("CONFLICT", `A producer may have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints.`);
  const now = deps.clock.now();
  const endpoint = await deps.db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({ data: { ...data, producerId, secret: newWebhookSecret(), createdAt: now, updatedAt: now, enabledAt: now } });
    await recordAudit(tx, {
      action: "webhooks.endpoint_created",
      producerId,
      actor,
      target: { type: "webhook_endpoint", id: row.id },
      details: { url: row.url, eventTypes: row.eventTypes },
      at: now,
    });
    return row;
  });
  return endpointView(endpoint);
}

export async function updateWebhookEndpoint(deps: Deps, actor: StaffActor, input: z.input<typeof updateWebhookEndpointInput>) {
  const { endpointId, ...data } = parseInput(updateWebhookEndpointInput, input);
  const endpoint = await findOwnedEndpoint(deps.db, actor, endpointId);
  if (data.url !== undefined) await checkWebhookUrl(data.url, webhookSettingsOf(deps));
  const now = deps.clock.now();
  const updated = await deps.db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { ...data, updatedAt: now } });
    await recordAudit(tx, {
      action: "webhooks.endpoint_updated",
      producerId: endpoint.producerId,
      actor,
      target: { type: "webhook_endpoint", id: endpointId },
      details: { from: { url: endpoint.url, eventTypes: endpoint.eventTypes }, to: { url: row.url, eventTypes: row.eventTypes } },
      at: now,
    });
    return row;
  });
  return endpointView(updated);
}

/** Switch on (clears the system's reason; failures count again from now) or off. */
export async function setWebhookEndpointEnabled(deps: Deps, actor: StaffActor, input: z.input<typeof setWebhookEndpointEnabledInput>) {
  const { endpointId, isEnabled } = parseInput(setWebhookEndpointEnabledInput, input);
  const endpoint = await findOwnedEndpoint(deps.db, actor, endpointId);
  const now = deps.clock.now();
  const updated = await deps.db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: isEnabled ? { isEnabled, disabledReason: null, enabledAt: now, updatedAt: now } : { isEnabled, updatedAt: now },
    });
    await recordAudit(tx, {
      action: isEnabled ? "webhooks.endpoint_enabled" : "webhooks.endpoint_disabled",
      producerId: endpoint.producerId,
      actor,
      target: { type: "webhook_endpoint", id: endpointId },
      details: { url: row.url },
      at: now,
    });
    return row;
  });
  return endpointView(updated);
}

/** Deletes the endpoint and its deliveries (events stay in the outbox for other endpoints). */
export async function deleteWebhookEndpoint(deps: Deps, actor: StaffActor, input: z.input<typeof webhookEndpointIdInput>) {
  const { endpointId } = parseInput(webhookEndpointIdInput, input);
  const endpoint = await findOwnedEndpoint(deps.db, actor, endpointId);
  await deps.db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id: endpointId } });
    await recordAudit(tx, {
      action: "webhooks.endpoint_deleted",
      producerId: endpoint.producerId,
      actor,
      target: { type: "webhook_endpoint", id: endpointId },
      details: { url: endpoint.url },
      at: deps.clock.now(),
    });
  });
  return { endpointId };
}

/** A new secret at once (the old one stops verifying); the answer carries it for the admin to copy. */
export async function rotateWebhookSecret(deps: Deps, actor: StaffActor, input: z.input<typeof webhookEndpointIdInput>) {
  const { endpointId } = parseInput(webhookEndpointIdInput, input);
  const endpoint = await findOwnedEndpoint(deps.db, actor, endpointId);
  const now = deps.clock.now();
  const secret = newWebhookSecret();
  await deps.db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { secret, updatedAt: now } });
    await recordAudit(tx, {
      action: "webhooks.secret_rotated",
      producerId: endpoint.producerId,
      actor,
      target: { type: "webhook_endpoint", id: endpointId },
      at: now,
    });
  });
  return { endpointId, secret };
}

/** The whole secret, for the admin's "reveal" (audited: who saw it, when). */
export async function revealWebhookSecret(deps: Deps, actor: StaffActor, input: z.input<typeof webhookEndpointIdInput>) {
  const { endpointId } = parseInput(webhookEndpointIdInput, input);
  const endpoint = await findOwnedEndpoint(deps.db, actor, endpointId);
  await recordAudit(deps.db, {
    action: "webhooks.secret_revealed",
    producerId: endpoint.producerId,
    actor,
    target: { type: "webhook_endpoint", id: endpointId },
    at: deps.clock.now(),
  });
  return { endpointId, secret: endpoint.secret };
}
