import type { Db, Prisma, Tx } from "@stockroom/db";

/**
 * Audit actions. Closed so the log can be filtered by them and a typo cannot invent one; add a
 * new action here when a feature records one.
 */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.password_reset_requested",
  "auth.password_reset",
  "auth.password_changed",
  "auth.session_revoked",
  "staff.invited",
  "staff.invitation_revoked",
  "staff.invitation_accepted",
  "staff.role_changed",
  "staff.deactivated",
  "staff.reactivated",
  "producer.created",
  "producer.suspended",
  "producer.reactivated",
  "alerts.settings_changed",
  "integrations.key_created",
  "integrations.key_revoked",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventInput {
  action: AuditAction;
  producerId?: string | null;
  actor?: { staffId: string; email: string } | null;
  /** For events without a signed-in actor (a failed sign-in): the email given. */
  actorEmail?: string | null;
  target?: { type: string; id: string } | null;
  ip?: string | null;
  details?: Prisma.InputJsonValue;
}

/** Writes one audit event; pass the transaction that makes the change so both commit or neither does. */
export async function recordAudit(db: Db | Tx, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: event.action,
      producerId: event.producerId ?? null,
      actorId: event.actor?.staffId ?? null,
      actorEmail: event.actor?.email ?? event.actorEmail ?? null,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      ip: event.ip ?? null,
      ...(event.details === undefined ? {} : { details: event.details }),
    },
  });
}
