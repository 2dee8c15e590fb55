import type { Tx } from "@stockroom/db";
import { alertSettingsFor } from "../alerts/alert-settings.ts";
import { queueNotifications } from "../alerts/queue-notifications.ts";
import type { Deps } from "../deps.ts";

/**
 * After a delivery ends FAILED: when every delivery to the endpoint since its last success (or
 * since it was switched on) has failed, and the oldest of them is `disableAfterHours` old, the
 * endpoint is switched off with a reason and the producer's alert recipients are told, in the same
 * transaction (one conditional UPDATE: concurrent failures switch it off and notify once).
 */
export async function disableFailingEndpoint(deps: Deps, tx: Tx, endpointId: string, disableAfterHours: number): Promise<boolean> {
  const reason = `Every delivery failed for ${disableAfterHours} hours, so Stockroom switched this endpoint off. Fix the receiver, then switch it on again.`;
  const [disabled] = await tx.$queryRaw<{ producerId: string; url: string }[]>`
    UPDATE "WebhookEndpoint" e SET "isEnabled" = false, "disabledReason" = ${reason}, "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE e.id = ${endpointId}::uuid AND e."isEnabled"
      AND (SELECT min(d."createdAt") FROM "WebhookDelivery" d
           WHERE d."endpointId" = e.id AND d.status = 'FAILED'
             AND d."createdAt" >= GREATEST(e."enabledAt", COALESCE((SELECT max("deliveredAt") FROM "WebhookDelivery" WHERE "endpointId" = e.id), e."enabledAt")))
          <= now() AT TIME ZONE 'UTC' - make_interval(secs => ${disableAfterHours * 3600}::float8)
    RETURNING e."producerId", e.url`;
  if (!disabled) return false;
  const settings = await alertSettingsFor(tx, disabled.producerId);
  await queueNotifications(deps, tx, settings, {
    producerId: disabled.producerId,
    eventKey: `webhook-disabled:${endpointId}:${Date.now()}`,
    channels: settings.lowStockChannels,
    template: "webhook-endpoint-disabled",
    subject: "A webhook endpoint was switched off",
    body: `Every delivery to ${disabled.url} failed for ${disableAfterHours} hours, so Stockroom switched the endpoint off. Fix the receiver, then switch it on again under Settings > Webhooks.`,
  });
  return true;
}
