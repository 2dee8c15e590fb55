import { inviteStaffInput, type PRODUCER_ROLES } from "@stockroom/contracts";
import type { Tx } from "@stockroom/db";
import type { z } from "zod";
import { isPlatformAdmin, type StaffActor, scopeProducerId } from "../actor.ts";
import { queueNotifications } from "../alerts/queue-notifications.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { newSessionToken, sessionIdFor } from "../auth/session-token.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";

export const DEFAULT_INVITE_TTL_HOURS = 72;

export interface InviteConfig {
  /** Where the admin SPA is reached from outside (PUBLIC_URL): the link is `<publicUrl>/admin/accept-invite?token=...`. */
  publicUrl: string;
  inviteTtlHours: number;
}

/** Which producer the invitation is for, and whether the actor may give that role there. */
function targetProducer(actor: StaffActor, input: z.output<typeof inviteStaffInput>): string | null {
  if (input.role === "PLATFORM_ADMIN") {
    if (!isPlatformAdmin(actor)) throw new DomainError("FORBIDDEN", "Only platform admins invite platform admins.", { fields: { role: "not allowed" } });
    if (input.producerId) throw new DomainError("VALIDATION_FAILED", "A platform admin belongs to no producer.", { fields: { producerId: "leave empty" } });
    return null;
  }
  const scope = scopeProducerId(actor, input.producerId);
  if (!scope) throw new DomainError("VALIDATION_FAILED", "Choose the producer.", { fields: { producerId: "required" } });
  return scope;
}

/**
 * Invites someone by email: a one-time link (only its sha256 is stored) that expires after
 * `inviteTtlHours`, sent through the notification pipeline, with its audit event, in one
 * transaction. Re-inviting the same email replaces its open invitation.
 */
export async function inviteStaff(deps: Deps, actor: StaffActor, input: z.input<typeof inviteStaffInput>, config: InviteConfig) {
  const parsed = parseInput(inviteStaffInput, input);
  const producerId = targetProducer(actor, parsed);
  return deps.db.$transaction((tx) => createInvitation(deps, tx, actor, { email: parsed.email, role: parsed.role, producerId }, config));
}

/** The invitation itself, in the caller's transaction (creating a producer invites its first admin this way). */
export async function createInvitation(
  deps: Deps,
  tx: Tx,
  actor: StaffActor,
  input: { email: string; role: (typeof PRODUCER_ROLES)[number] | "PLATFORM_ADMIN"; producerId: string | null },
  config: InviteConfig,
) {
  const { email, role, producerId } = input;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`stockroom.invite:${email}`}, 0))`;
  const producer = producerId ? await tx.producer.findUnique({ where: { id: producerId }, select: { name: true } }) : null;
  if (producerId && !producer) throw notFound("Producer");
  const existing = await tx.staff.findUnique({ where: { email }, select: { deactivatedAt: true } });
  if (existing) {
    const reason = existing.deactivatedAt ? "This person has a deactivated account: reactivate it instead." : "This person already has an account.";
    throw new DomainError("VALIDATION_FAILED", reason, { fields: { email: reason } });
  }
  const now = deps.clock.now();
  await tx.staffInvitation.updateMany({ where: { email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const token = newSessionToken();
  const invitation = await tx.staffInvitation.create({
    data: {
      tokenHash: sessionIdFor(token),
      email,
      role,
      producerId,
      invitedById: actor.staffId,
      invitedByName: actor.name,
      invitedByEmail: actor.email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + config.inviteTtlHours * 3_600_000),
    },
  });
  const link = `${config.publicUrl.replace(/\/+$/, "")}/admin/accept-invite?token=${token}`;
  const where = producer ? producer.name : "Stockroom";
  await queueNotifications(
    deps,
    tx,
    { recipients: { EMAIL: [email], SMS: [], WHATSAPP: [] }, lowStockChannels: [], escalationChannels: [], expiryChannels: [], quietHours: null },
    {
      producerId,
      eventKey: `invitation:${invitation.id}`,
      channels: ["EMAIL"],
      template: "staff.invitation",
      subject: `${actor.name} invited you to ${where} on Stockroom`,
      body: `${actor.name} (${actor.email}) invited you to ${where} on Stockroom.\n\nSet up your account: ${link}\n\nThe link works once and expires in ${config.inviteTtlHours} hours.`,
    },
  );
  await recordAudit(tx, {
    action: "staff.invited",
    at: now,
    producerId,
    actor,
    target: { type: "invitation", id: invitation.id },
    details: { email, role },
  });
  return { id: invitation.id, email, role, producerId, expiresAt: invitation.expiresAt.toISOString() };
}
