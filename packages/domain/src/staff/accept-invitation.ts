import { acceptInvitationInput, invitationTokenInput } from "@stockroom/contracts";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { hashPassword } from "../auth/password.ts";
import { newSessionToken, sessionIdFor } from "../auth/session-token.ts";
import type { SignInResult } from "../auth/sign-in.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";

/** An invitation that can still be used: not accepted, not revoked, not expired (plain columns: re-checked under a concurrent update). */
function usable(deps: Deps, tokenHash: string) {
  return { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: deps.clock.now() } };
}

/** What the accept page shows; an unknown, used, revoked or expired link is NOT_FOUND. */
export async function getInvitation(deps: Deps, input: z.input<typeof invitationTokenInput>) {
  const { token } = parseInput(invitationTokenInput, input);
  const invitation = await deps.db.staffInvitation.findFirst({
    where: usable(deps, sessionIdFor(token)),
    include: { producer: { select: { name: true, suspendedAt: true } } },
  });
  if (!invitation || invitation.producer?.suspendedAt) throw notFound("Invitation");
  return {
    email: invitation.email,
    role: invitation.role,
    producerName: invitation.producer?.name ?? null,
    invitedByName: invitation.invitedByName,
    invitedByEmail: invitation.invitedByEmail,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/**
 * Creates the account and signs it in. The invitation is claimed with one conditional update, so
 * of two concurrent accepts exactly one creates the account; the other finds it used (NOT_FOUND).
 */
export async function acceptInvitation(
  deps: Deps,
  input: z.input<typeof acceptInvitationInput> & { sessionTtlHours: number; replacesToken?: string | undefined },
): Promise<SignInResult> {
  const { token, name, password } = parseInput(acceptInvitationInput, input);
  const passwordHash = await hashPassword(password);
  const now = deps.clock.now();
  const sessionToken = newSessionToken();
  const expiresAt = new Date(now.getTime() + input.sessionTtlHours * 3_600_000);
  return deps.db.$transaction(async (tx) => {
    const [invitation] = await tx.staffInvitation.updateManyAndReturn({ where: usable(deps, sessionIdFor(token)), data: { acceptedAt: now } });
    if (!invitation) throw notFound("Invitation");
    const producer = invitation.producerId ? await tx.producer.findUnique({ where: { id: invitation.producerId }, select: { suspendedAt: true } }) : null;
    if (producer?.suspendedAt) throw notFound("Invitation");
    const staff = await tx.staff.create({
      data: { email: invitation.email, name, passwordHash, role: invitation.role, producerId: invitation.producerId, createdAt: now },
    });
    if (input.replacesToken) await tx.staffSession.deleteMany({ where: { id: sessionIdFor(input.replacesToken) } });
    await tx.staffSession.create({ data: { id: sessionIdFor(sessionToken), staffId: staff.id, expiresAt, createdAt: now } });
    const actor = { kind: "staff" as const, staffId: staff.id, email: staff.email, name: staff.name, role: staff.role, producerId: staff.producerId };
    await recordAudit(tx, {
      action: "staff.invitation_accepted",
      at: now,
      producerId: staff.producerId,
      actor,
      target: { type: "staff", id: staff.id },
      details: { invitationId: invitation.id, role: staff.role },
    });
    return { token: sessionToken, expiresAt, staff: actor };
  });
}
