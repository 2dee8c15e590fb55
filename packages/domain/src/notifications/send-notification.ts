import type { NotificationChannel } from "@stockroom/db";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";

/** The part of a message provider the domain needs (implementations: packages/notifications). */
export interface Messenger {
  readonly name: string;
  send(message: {
    id: string;
    channel: NotificationChannel;
    recipient: string;
    subject: string | null;
    body: string;
  }): Promise<{ providerMessageId: string | null; isStoredOnly: boolean }>;
}
export type Messengers = Record<NotificationChannel, Messenger>;

/**
 * How long a claim protects a send in flight. pg-boss hands a job to another worker only after its
 * worker stopped heartbeating for 10 s (notifications.send's heartbeatSeconds), so a claim older
 * than that whose record is still SENDING belongs to an attempt that died.
 */
export const SEND_LEASE_MS = 10_000;

/**
 * Delivers one notification. The record is claimed PENDING -> SENDING (claimedAt, attempts + 1)
 * before the provider is called. SENT/OUTBOX/FAILED are done. A SENDING record found again:
 * - EMAIL whose claim is older than SEND_LEASE_MS is sent again, reclaimed by one conditional update
 *   (of simultaneous redeliveries one wins); a younger claim may still be sending, so this attempt
 *   fails retryably and pg-boss tries later. SMTP has a commit point (the server's 250 after DATA):
 *   a client that died before it delivered nothing, so resending loses nothing. It duplicates only
 *   when the worker died between that 250 and marking SENT (or a live attempt outlived the lease);
 *   both copies then carry the same Message-ID (`<notification id@stockroom>`). At least once.
 * - SMS/WhatsApp APIs have no such point or key, so it is marked FAILED (outcome unknown) rather than
 *   risk a duplicate. At most once.
 * A provider failure puts it back to PENDING and rethrows for retry.
 */
export async function sendNotification(deps: Deps, messengers: Messengers, input: { notificationId: string }): Promise<{ status: string }> {
  const now = deps.clock.now();
  const claimed = await deps.db.notification.updateMany({
    where: { id: input.notificationId, status: "PENDING" },
    data: { status: "SENDING", attempts: { increment: 1 }, claimedAt: now },
  });
  if (claimed.count === 0) {
    const current = await deps.db.notification.findUnique({ where: { id: input.notificationId } });
    if (!current) return { status: "missing" };
    if (current.status === "SENDING" && current.channel === "EMAIL") {
      const leaseEnd = new Date(now.getTime() - SEND_LEASE_MS);
      const reclaimed = await deps.db.notification.updateMany({
        where: { id: current.id, status: "SENDING", OR: [{ claimedAt: null }, { claimedAt: { lt: leaseEnd } }] },
        data: { attempts: { increment: 1 }, claimedAt: now },
      });
      if (reclaimed.count === 0) throw new DomainError("CONFLICT", "Another attempt is sending this email; trying again later.", { isRetryable: true });
      return deliver(deps, messengers, current.id);
    }
    if (current.status === "SENDING") {
      await deps.db.notification.updateMany({
        where: { id: current.id, status: "SENDING" },
        data: { status: "FAILED", lastError: "An earlier attempt stopped mid-send; not resent, to avoid a duplicate. Check the provider's log." },
      });
      return { status: "FAILED" };
    }
    return { status: current.status };
  }
  return deliver(deps, messengers, input.notificationId);
}

/** Calls the provider for a record this attempt has claimed (SENDING), then records the outcome. */
async function deliver(deps: Deps, messengers: Messengers, notificationId: string): Promise<{ status: string }> {
  const now = deps.clock.now();
  const notification = await deps.db.notification.findUniqueOrThrow({ where: { id: notificationId } });
  const messenger = messengers[notification.channel];
  try {
    const result = await messenger.send({
      id: notification.id,
      channel: notification.channel,
      recipient: notification.recipient,
      subject: notification.subject,
      body: notification.body,
    });
    const status = result.isStoredOnly ? "OUTBOX" : "SENT";
    await deps.db.notification.update({
      where: { id: notification.id },
      data: { status, provider: messenger.name, providerMessageId: result.providerMessageId, sentAt: result.isStoredOnly ? null : now, lastError: null },
    });
    return { status };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const isRetryable = (error as { isRetryable?: boolean }).isRetryable !== false;
    await deps.db.notification.update({
      where: { id: notification.id },
      data: { status: isRetryable ? "PENDING" : "FAILED", provider: messenger.name, lastError: message.slice(0, 1000) },
    });
    throw new DomainError("CONFLICT", `Delivery failed: ${message}`, { isRetryable, cause: error });
  }
}

/** The dead-letter handler: retries are exhausted, so the record says FAILED with the last reason. */
export async function markNotificationFailed(deps: Deps, input: { notificationId: string }): Promise<{ status: "FAILED" }> {
  const current = await deps.db.notification.findUnique({ where: { id: input.notificationId } });
  await deps.db.notification.updateMany({
    where: { id: input.notificationId, status: { in: ["PENDING", "SENDING"] } },
    data: { status: "FAILED", lastError: `Gave up after ${current?.attempts ?? 0} attempt(s): ${current?.lastError ?? "unknown error"}` },
  });
  return { status: "FAILED" };
}
