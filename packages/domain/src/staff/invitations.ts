import { invitationIdInput, listStaffInput } from "@stockroom/contracts";
import type { z } from "zod";
import { isPlatformAdmin, type StaffActor, scopeProducerId } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";

/** Open invitations (not accepted, not revoked, not expired) of the producer; a platform admin without one sees all. */
export async function listInvitations(deps: Deps, actor: StaffActor, input: z.input<typeof listStaffInput>) {
  const { producerId } = parseInput(listStaffInput, input);
  const scope = scopeProducerId(actor, producerId);
  const rows = await deps.db.staffInvitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: deps.clock.now() }, ...(scope ? { producerId: scope } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map((i) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    producerId: i.producerId,
    invitedByEmail: i.invitedByEmail,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
  }));
}

/** Revokes an open invitation (its link stops working); another producer's is NOT_FOUND. */
export async function revokeInvitation(deps: Deps, actor: StaffActor, input: z.input<typeof invitationIdInput>) {
  const { invitationId } = parseInput(invitationIdInput, input);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const [revoked] = await tx.staffInvitation.updateManyAndReturn({
      where: {
        id: invitationId,
        acceptedAt: null,
        revokedAt: null,
        ...(isPlatformAdmin(actor) ? {} : { producerId: scopeProducerId(actor) ?? "" }),
      },
      data: { revokedAt: now },
    });
    if (!revoked) throw notFound("Invitation");
    await recordAudit(tx, {
      action: "staff.invitation_revoked",
      at: now,
      producerId: revoked.producerId,
      actor,
      target: { type: "invitation", id: revoked.id },
      details: { email: revoked.email, role: revoked.role },
    });
    return { id: revoked.id };
  });
}
