import type { AuditAction } from "@stockroom/contracts";
import type { Db, Prisma, Tx } from "@stockroom/db";

// The closed list of actions lives in @stockroom/contracts (the admin filters by it).
export { AUDIT_ACTIONS, type AuditAction } from "@stockroom/contracts";

export interface AuditEventInput {
  action: AuditAction;
  producerId?: string | null;
  actor?: { staffId: string; email: string } | null;
  /** For events without a signed-in actor (a failed sign-in): the email given. */
  actorEmail?: string | null;
  target?: { type: string; id: string } | null;
  ip?: string | null;
  details?: Prisma.InputJsonValue;
  /** When it happened (the deps' clock); the database's now() when absent. */
  at?: Date;
}

/** Writes one audit event; pass the transaction that makes the change so both commit or neither does. */
export async function recordAudit(db: Db | Tx, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      ...(event.at ? { at: event.at } : {}),
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
