import type { WebhookEndpoint } from "@stockroom/db";
import { maskSecret } from "./endpoint-secret.ts";

/** An endpoint as the admin sees it: the secret masked (revealSecret shows it whole). */
export function endpointView(e: WebhookEndpoint) {
  return {
    id: e.id,
    producerId: e.producerId,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    secretHint: maskSecret(e.secret),
    isEnabled: e.isEnabled,
    disabledReason: e.disabledReason,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
export type WebhookEndpointView = ReturnType<typeof endpointView>;
