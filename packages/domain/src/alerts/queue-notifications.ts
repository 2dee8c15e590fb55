import type { NotificationChannel, Tx } from "@stockroom/db";
import type { Deps } from "../deps.ts";
import type { EffectiveAlertSettings } from "./alert-settings.ts";

export interface NotificationRequest {
  /** Null for a platform-wide message (an invitation to be a platform admin, a platform admin's password reset). */
  producerId: string | null;
  /** Identifies the event; with channel and recipient it makes the message's dedupe key. */
  eventKey: string;
  channels: NotificationChannel[];
  template: string;
  subject: string;
  body: string;
}

/** The first moment outside the producer's quiet hours (UTC), or now. */
export function sendAfter(now: Date, quietHours: EffectiveAlertSettings["quietHours"]): Date {
  if (!quietHours) return now;
  const { startHour, endHour } = quietHours;
  const hour = now.getUTCHours();
  const isQuiet = startHour <= endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
  if (!isQuiet) return now;
  const end = new Date(now);
  end.setUTCHours(endHour, 0, 0, 0);
  if (end <= now) end.setUTCDate(end.getUTCDate() + 1);
  return end;
}

/**
 * Creates one notification per channel and recipient and enqueues its delivery, in the caller's
 * transaction. The dedupe key makes a repeated or concurrent check a no-op. Returns the ids created.
 */
export async function queueNotifications(
  deps: Deps,
  tx: Tx,
  // Only recipients and quiet hours matter here; callers may pass whole settings.
  settings: Pick<EffectiveAlertSettings, "recipients" | "quietHours"> & Partial<EffectiveAlertSettings>,
  request: NotificationRequest,
): Promise<string[]> {
  const now = deps.clock.now();
  const after = sendAfter(now, settings.quietHours);
  const created: string[] = [];
  for (const channel of [...new Set(request.channels)].sort()) {
    for (const recipient of settings.recipients[channel]) {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Notification" (id, "producerId", "dedupeKey", channel, recipient, template, subject, body, "sendAfter", "createdAt")
        VALUES (gen_random_uuid(), ${request.producerId}::uuid, ${`${request.eventKey}:${channel}:${recipient}`}, ${channel}::"NotificationChannel", ${recipient},
                ${request.template}, ${request.subject}, ${request.body}, ${after.toISOString()}::timestamp, ${now.toISOString()}::timestamp)
        ON CONFLICT ("dedupeKey") DO NOTHING RETURNING id`;
      for (const { id } of rows) {
        await deps.jobs.send("notifications.send", { notificationId: id }, { tx, startAfter: after > now ? after : undefined });
        created.push(id);
      }
    }
  }
  return created;
}
