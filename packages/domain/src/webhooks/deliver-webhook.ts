import { WEBHOOK_TEST_EVENT } from "@stockroom/contracts";
import type { Deps } from "../deps.ts";
import { isDomainError } from "../errors.ts";
import { disableFailingEndpoint } from "./disable-failing-endpoint.ts";
import { type AttemptOutcome, postWebhook } from "./post-webhook.ts";
import { checkWebhookUrl } from "./url-safety.ts";
import { webhookSettingsOf } from "./webhook-settings.ts";

export type DeliveryOutcome = "delivered" | "retrying" | "failed" | "skipped";

const refused = (error: string): AttemptOutcome => ({ statusCode: null, latencyMs: 0, responseExcerpt: null, error, isDelivered: false });

/** The body every receiver gets: the envelope around the event's payload. */
export function webhookBody(event: { id: string; type: string; seq: bigint; createdAt: Date; payload: unknown }): string {
  return JSON.stringify({ id: event.id, type: event.type, timestamp: event.createdAt.toISOString(), sequence: Number(event.seq), data: event.payload });
}

/**
 * One attempt of one QUEUED delivery (the webhooks.deliver job). The URL is checked again (DNS can
 * change since it was saved), the body signed and POSTed; the attempt is logged, then the delivery
 * is DELIVERED, PENDING again after the next retry delay, or FAILED after the last one (which may
 * switch the endpoint off). At least once: a worker killed mid-attempt leaves it QUEUED and the
 * job runs again, with the same webhook-id.
 */
export async function deliverWebhook(deps: Deps, input: { deliveryId: string }): Promise<{ outcome: DeliveryOutcome }> {
  const settings = webhookSettingsOf(deps);
  const delivery = await deps.db.webhookDelivery.findUnique({ where: { id: input.deliveryId }, include: { event: true, endpoint: true } });
  if (delivery?.status !== "QUEUED") return { outcome: "skipped" };
  const { event, endpoint } = delivery;
  let attempt: AttemptOutcome;
  let isFinal = false;
  if (!endpoint.isEnabled && event.type !== WEBHOOK_TEST_EVENT) {
    attempt = refused("The endpoint is switched off.");
    isFinal = true;
  } else {
    const urlProblem = await checkWebhookUrl(endpoint.url, settings).then(
      () => null,
      (error: unknown) => (isDomainError(error) ? error.userMessage : String(error)),
    );
    attempt = urlProblem
      ? refused(urlProblem)
      : await postWebhook({ url: endpoint.url, secret: endpoint.secret, id: event.id, timestamp: new Date(), body: webhookBody(event) }, settings);
  }
  const attempts = delivery.attempts + 1;
  const delaySeconds = isFinal ? undefined : settings.retryDelaysSeconds[attempts - 1];
  const status = attempt.isDelivered ? "DELIVERED" : delaySeconds === undefined ? "FAILED" : "PENDING";
  await deps.db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        at: deps.clock.now(),
        statusCode: attempt.statusCode,
        latencyMs: attempt.latencyMs,
        responseExcerpt: attempt.responseExcerpt,
        error: attempt.error,
      },
    });
    await tx.$executeRaw`
      UPDATE "WebhookDelivery" SET status = ${status}::"WebhookDeliveryStatus", attempts = ${attempts}, "lastAttemptAt" = now() AT TIME ZONE 'UTC',
        "lastStatus" = ${attempt.statusCode}, "lastError" = ${attempt.error},
        "deliveredAt" = CASE WHEN ${attempt.isDelivered} THEN now() AT TIME ZONE 'UTC' END,
        "nextAttemptAt" = now() AT TIME ZONE 'UTC' + make_interval(secs => ${delaySeconds ?? 0}::float8)
      WHERE id = ${delivery.id}::uuid AND status = 'QUEUED'`;
    if (status === "FAILED" && endpoint.isEnabled) await disableFailingEndpoint(deps, tx, endpoint.id, settings.disableAfterHours);
  });
  return { outcome: attempt.isDelivered ? "delivered" : status === "FAILED" ? "failed" : "retrying" };
}
