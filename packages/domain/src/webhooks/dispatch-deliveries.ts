import type { Deps } from "../deps.ts";

/** A QUEUED delivery whose job has not finished this long is queued again (its job was lost). */
export const DELIVERY_LEASE_SECONDS = 600;

/**
 * The worker's dispatcher (every WEBHOOKS_DISPATCH_INTERVAL_MS): due PENDING deliveries, and QUEUED
 * ones past their lease, become QUEUED with a webhooks.deliver job, in one transaction (the job
 * exists iff the claim commits). SKIP LOCKED: several workers share the work.
 */
export async function dispatchWebhookDeliveries(deps: Deps, options: { limit?: number } = {}): Promise<{ queued: number }> {
  const limit = options.limit ?? 200;
  return deps.db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "WebhookDelivery" SET status = 'QUEUED', "nextAttemptAt" = now() AT TIME ZONE 'UTC' + make_interval(secs => ${DELIVERY_LEASE_SECONDS})
      WHERE id IN (SELECT id FROM "WebhookDelivery"
                   WHERE status IN ('PENDING', 'QUEUED') AND "nextAttemptAt" <= now() AT TIME ZONE 'UTC'
                   ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    for (const { id } of due) await deps.jobs.send("webhooks.deliver", { deliveryId: id }, { tx });
    return { queued: due.length };
  });
}
