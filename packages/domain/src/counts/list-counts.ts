import { accuracyTrendInput, listCountsInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";

const rate = (part: bigint | number | null, whole: bigint | number | null) => (part === null || !whole ? null : Number(part) / Number(whole));

/** Counts, newest first, with their size, progress and (once approved) accuracy. */
export async function listCounts(deps: Deps, actor: StaffActor, input: z.input<typeof listCountsInput>) {
  const data = parseInput(listCountsInput, input);
  const producerId = scopeProducerId(actor, data.producerId);
  const sessions = await deps.db.countSession.findMany({
    where: { ...(producerId ? { producerId } : {}), ...(data.status ? { status: data.status } : {}) },
    orderBy: { startedAt: "desc" },
    take: data.limit,
    include: { _count: { select: { lines: true } } },
  });
  return sessions.map((s) => ({
    id: s.id,
    producerId: s.producerId,
    kind: s.kind,
    status: s.status,
    blind: s.blind,
    locationId: s.locationId,
    category: s.category,
    dueOnly: s.dueOnly,
    lines: s._count.lines,
    startedAt: s.startedAt.toISOString(),
    closedAt: s.closedAt?.toISOString() ?? null,
    accuracyRate: rate(s.matchedLots, s.countedLots),
    valueAccuracyRate: rate(s.matchedValueCents, s.countedValueCents),
  }));
}

/** Stock accuracy over approved counts, per day they were approved: the trend analytics shows. */
export async function accuracyTrend(deps: Deps, actor: StaffActor, raw: z.input<typeof accuracyTrendInput>) {
  const input = parseInput(accuracyTrendInput, raw);
  const producerId = scopeProducerId(actor, input.producerId) ?? null;
  return deps.db.$queryRaw<{ day: string; countedLots: number; matchedLots: number; accuracyRate: number | null }[]>`
    SELECT to_char(date_trunc('day', "closedAt"), 'YYYY-MM-DD') AS day, sum("countedLots")::int AS "countedLots", sum("matchedLots")::int AS "matchedLots",
           (sum("matchedLots")::float8 / NULLIF(sum("countedLots"), 0)) AS "accuracyRate"
    FROM "CountSession"
    WHERE status = 'APPROVED' AND (${producerId}::uuid IS NULL OR "producerId" = ${producerId}::uuid)
      AND "closedAt" >= ${input.from}::date AND "closedAt" < ${input.to}::date + 1
    GROUP BY 1 ORDER BY 1`;
}
