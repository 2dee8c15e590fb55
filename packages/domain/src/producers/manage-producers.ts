import { createProducerInput, producerIdInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { createInvitation, type InviteConfig } from "../staff/invite-staff.ts";
import { parseInput } from "../validation.ts";

/** The location a new producer starts with, so stock can be received at once. */
export const FIRST_LOCATION = "Main location";

/** Platform only (producers.manage): all producers with their status. */
export async function listProducers(deps: Deps) {
  const rows = await deps.db.producer.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, slug: true, suspendedAt: true } });
  return rows.map((p) => ({ id: p.id, name: p.name, slug: p.slug, suspendedAt: p.suspendedAt?.toISOString() ?? null }));
}

/** Creates a producer with its first (sellable) location and invites its first producer admin, in one transaction. */
export async function createProducer(deps: Deps, actor: StaffActor, input: z.input<typeof createProducerInput>, config: InviteConfig) {
  const { name, slug, adminEmail } = parseInput(createProducerInput, input);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    if (await tx.producer.findUnique({ where: { slug }, select: { id: true } }))
      throw new DomainError("VALIDATION_FAILED", "Another producer uses this slug.", { fields: { slug: "already used" } });
    const producer = await tx.producer.create({ data: { name, slug, createdAt: now } });
    await tx.location.create({ data: { producerId: producer.id, name: FIRST_LOCATION, isSellable: true } });
    await recordAudit(tx, {
      action: "producer.created",
      at: now,
      producerId: producer.id,
      actor,
      target: { type: "producer", id: producer.id },
      details: { name, slug },
    });
    const invitation = await createInvitation(deps, tx, actor, { email: adminEmail, role: "PRODUCER_ADMIN", producerId: producer.id }, config).catch(
      (error: unknown) => {
        // The admin's email is this form's field, not the invite form's.
        if (error instanceof DomainError && error.fields?.email)
          throw new DomainError(error.code, error.userMessage, { fields: { adminEmail: error.fields.email } });
        throw error;
      },
    );
    return { id: producer.id, name, slug, suspendedAt: null, invitationId: invitation.id };
  });
}

/** Suspends a producer: its staff's sessions end at once and they cannot sign in (resolveSession, signIn). */
export async function suspendProducer(deps: Deps, actor: StaffActor, input: z.input<typeof producerIdInput>) {
  const { producerId } = parseInput(producerIdInput, input);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const [producer] = await tx.producer.updateManyAndReturn({ where: { id: producerId, suspendedAt: null }, data: { suspendedAt: now } });
    if (!producer) {
      const existing = await tx.producer.findUnique({ where: { id: producerId }, select: { id: true } });
      if (!existing) throw notFound("Producer");
      return { id: producerId, endedSessions: 0 };
    }
    const { count } = await tx.staffSession.deleteMany({ where: { staff: { producerId } } });
    await recordAudit(tx, {
      action: "producer.suspended",
      at: now,
      producerId,
      actor,
      target: { type: "producer", id: producerId },
      details: { endedSessions: count },
    });
    return { id: producerId, endedSessions: count };
  });
}

export async function reactivateProducer(deps: Deps, actor: StaffActor, input: z.input<typeof producerIdInput>) {
  const { producerId } = parseInput(producerIdInput, input);
  return deps.db.$transaction(async (tx) => {
    const [producer] = await tx.producer.updateManyAndReturn({ where: { id: producerId, suspendedAt: { not: null } }, data: { suspendedAt: null } });
    if (!producer) {
      if (!(await tx.producer.findUnique({ where: { id: producerId }, select: { id: true } }))) throw notFound("Producer");
      return { id: producerId };
    }
    await recordAudit(tx, { action: "producer.reactivated", at: deps.clock.now(), producerId, actor, target: { type: "producer", id: producerId } });
    return { id: producerId };
  });
}
