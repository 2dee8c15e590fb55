import { recordCountInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { findOwnedCount, lockOpenCount } from "./find-count.ts";

/**
 * Adds what one counter found of one lot. Entries add up (two people counting one lot in two
 * places), go to the line's current round, and carry when they were counted (a phone that was
 * offline sends its own time, no earlier than the count's start and no later than now). An
 * idempotency key makes a retried sync add nothing the second time.
 */
export async function recordCount(deps: Deps, actor: StaffActor, input: z.input<typeof recordCountInput>) {
  const data = parseInput(recordCountInput, input);
  const session = await findOwnedCount(deps.db, actor, data.sessionId);
  const now = deps.clock.now();
  const countedAt = data.countedAt ? new Date(data.countedAt) : now;
  if (countedAt < session.startedAt || countedAt > new Date(now.getTime() + 60_000))
    throw new DomainError("VALIDATION_FAILED", "The count time must fall between the count's start and now.", { fields: { countedAt: "outside the count" } });
  return deps.db.$transaction(async (tx) => {
    await lockOpenCount(tx, session.id, "share");
    const line = await tx.countLine.findUnique({ where: { sessionId_lotId: { sessionId: session.id, lotId: data.lotId } } });
    if (!line) throw notFound("Lot in this count");
    const entry = {
      lineId: line.id,
      sessionId: session.id,
      round: line.round,
      quantity: data.quantity,
      countedAt: new Date(Math.min(countedAt.getTime(), now.getTime())),
      countedBy: actor.staffId,
      idempotencyKey: data.idempotencyKey ?? null,
    };
    if (!data.idempotencyKey) {
      const created = await tx.countEntry.create({ data: entry });
      return { entryId: created.id, lineId: line.id, round: created.round, replayed: false };
    }
    // A concurrent retry with the same key waits for this insert, then adds nothing.
    const inserted = await tx.countEntry.createMany({ data: [entry], skipDuplicates: true });
    const stored = await tx.countEntry.findUniqueOrThrow({
      where: { sessionId_idempotencyKey: { sessionId: session.id, idempotencyKey: data.idempotencyKey } },
    });
    if (stored.lineId !== line.id || stored.quantity !== data.quantity)
      throw new DomainError("CONFLICT", "This idempotency key was already used for a different count.", { fields: { idempotencyKey: "already used" } });
    return { entryId: stored.id, lineId: line.id, round: stored.round, replayed: inserted.count === 0 };
  });
}
