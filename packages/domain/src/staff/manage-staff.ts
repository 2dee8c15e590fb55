import { listStaffInput, PRODUCER_ROLES, setStaffRoleInput, staffIdInput } from "@stockroom/contracts";
import type { Tx } from "@stockroom/db";
import type { z } from "zod";
import { isPlatformAdmin, type StaffActor, scopeProducerId } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";

/** The producer's staff (a platform admin without one: everyone), active first. */
export async function listStaff(deps: Deps, actor: StaffActor, input: z.input<typeof listStaffInput>) {
  const { producerId } = parseInput(listStaffInput, input);
  const scope = scopeProducerId(actor, producerId);
  const rows = await deps.db.staff.findMany({ where: scope ? { producerId: scope } : {}, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    email: s.email,
    role: s.role,
    producerId: s.producerId,
    deactivatedAt: s.deactivatedAt?.toISOString() ?? null,
    isYou: s.id === actor.staffId,
  }));
}

/**
 * Locks the target's producer row (so every staff change of one producer runs one at a time) and
 * returns the target; another producer's staff member is NOT_FOUND, and nobody changes their own account here.
 */
async function lockTarget(tx: Tx, actor: StaffActor, staffId: string) {
  const target = await tx.staff.findUnique({ where: { id: staffId } });
  if (!target || (!isPlatformAdmin(actor) && target.producerId !== scopeProducerId(actor))) throw notFound("Staff member");
  if (target.id === actor.staffId) throw new DomainError("FORBIDDEN", "You cannot change your own account here.", { fields: { staffId: "that is you" } });
  if (target.producerId) await tx.$queryRaw`SELECT id FROM "Producer" WHERE id = ${target.producerId}::uuid FOR NO KEY UPDATE`;
  // Re-read under the lock: a concurrent change committed before it is seen.
  return tx.staff.findUniqueOrThrow({ where: { id: staffId } });
}

/** A producer keeps at least one active producer admin: refuses a change that would leave none. */
async function keepAnAdmin(tx: Tx, target: { id: string; producerId: string | null; role: string; deactivatedAt: Date | null }) {
  if (!target.producerId || target.role !== "PRODUCER_ADMIN" || target.deactivatedAt) return;
  const others = await tx.staff.count({ where: { producerId: target.producerId, role: "PRODUCER_ADMIN", deactivatedAt: null, id: { not: target.id } } });
  if (others === 0) throw new DomainError("CONFLICT", "A producer must keep at least one active producer admin.", { fields: { staffId: "the last admin" } });
}

export async function setStaffRole(deps: Deps, actor: StaffActor, input: z.input<typeof setStaffRoleInput>) {
  const { staffId, role } = parseInput(setStaffRoleInput, input);
  if (!(PRODUCER_ROLES as readonly string[]).includes(role))
    throw new DomainError("VALIDATION_FAILED", "Choose a producer role.", { fields: { role: `one of ${PRODUCER_ROLES.join(", ")}` } });
  return deps.db.$transaction(async (tx) => {
    const target = await lockTarget(tx, actor, staffId);
    if (!target.producerId) throw new DomainError("VALIDATION_FAILED", "A platform admin's role is not changed here.", { fields: { role: "platform admin" } });
    if (target.role === role) return { id: target.id, role };
    if (role !== "PRODUCER_ADMIN") await keepAnAdmin(tx, target);
    await tx.staff.update({ where: { id: target.id }, data: { role } });
    await recordAudit(tx, {
      action: "staff.role_changed",
      at: deps.clock.now(),
      producerId: target.producerId,
      actor,
      target: { type: "staff", id: target.id },
      details: { email: target.email, from: target.role, to: role },
    });
    return { id: target.id, role };
  });
}

/** Deactivates a staff member; their sessions are deleted in the same transaction, so their next call is signed out. */
export async function deactivateStaff(deps: Deps, actor: StaffActor, input: z.input<typeof staffIdInput>) {
  const { staffId } = parseInput(staffIdInput, input);
  return deps.db.$transaction(async (tx) => {
    const target = await lockTarget(tx, actor, staffId);
    if (target.deactivatedAt) return { id: target.id, endedSessions: 0 };
    await keepAnAdmin(tx, target);
    const now = deps.clock.now();
    await tx.staff.update({ where: { id: target.id }, data: { deactivatedAt: now } });
    const { count } = await tx.staffSession.deleteMany({ where: { staffId: target.id } });
    await recordAudit(tx, {
      action: "staff.deactivated",
      at: now,
      producerId: target.producerId,
      actor,
      target: { type: "staff", id: target.id },
      details: { email: target.email, endedSessions: count },
    });
    return { id: target.id, endedSessions: count };
  });
}

export async function reactivateStaff(deps: Deps, actor: StaffActor, input: z.input<typeof staffIdInput>) {
  const { staffId } = parseInput(staffIdInput, input);
  return deps.db.$transaction(async (tx) => {
    const target = await lockTarget(tx, actor, staffId);
    if (!target.deactivatedAt) return { id: target.id };
    await tx.staff.update({ where: { id: target.id }, data: { deactivatedAt: null } });
    await recordAudit(tx, {
      action: "staff.reactivated",
      at: deps.clock.now(),
      producerId: target.producerId,
      actor,
      target: { type: "staff", id: target.id },
      details: { email: target.email },
    });
    return { id: target.id };
  });
}
