import { listAuditInput } from "@stockroom/contracts";
import type { Prisma } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";

const DAY_MS = 86_400_000;

/**
 * The audit log, newest first, a page at a time (the cursor is the last id shown). Producer staff
 * see their producer's events only; a platform admin sees all, or one producer's.
 */
export async function listAudit(deps: Deps, actor: StaffActor, input: z.input<typeof listAuditInput>) {
  const { producerId, action, actorEmail, from, to, cursor, limit } = parseInput(listAuditInput, input);
  const scope = scopeProducerId(actor, producerId);
  const at: Prisma.DateTimeFilter = {};
  if (from) at.gte = new Date(`${from}T00:00:00Z`);
  if (to) at.lt = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS);
  const where: Prisma.AuditEventWhereInput = {
    ...(scope ? { producerId: scope } : {}),
    ...(action ? { action } : {}),
    ...(actorEmail ? { actorEmail: { contains: actorEmail, mode: "insensitive" } } : {}),
    ...(from || to ? { at } : {}),
    ...(cursor ? { id: { lt: BigInt(cursor) } } : {}),
  };
  const rows = await deps.db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: limit + 1 });
  const page = rows.slice(0, limit);
  const producers = await deps.db.producer.findMany({
    where: { id: { in: [...new Set(page.flatMap((e) => (e.producerId ? [e.producerId] : [])))] } },
    select: { id: true, name: true },
  });
  const names = new Map(producers.map((p) => [p.id, p.name]));
  return {
    items: page.map((e) => ({
      id: e.id.toString(),
      at: e.at.toISOString(),
      action: e.action,
      producerId: e.producerId,
      producerName: e.producerId ? (names.get(e.producerId) ?? null) : null,
      actorEmail: e.actorEmail,
      targetType: e.targetType,
      targetId: e.targetId,
      ip: e.ip,
      details: (e.details ?? null) as Record<string, unknown> | null,
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
