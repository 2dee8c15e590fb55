import { countSessionInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";
import { countLines, needsRecount } from "./count-lines.ts";
import { findOwnedCount, lockOpenCount } from "./find-count.ts";

/** Sends every line whose variance is above the thresholds back for a recount: its next round starts empty. */
export async function requestRecounts(deps: Deps, actor: StaffActor, input: z.input<typeof countSessionInput>) {
  const { sessionId } = parseInput(countSessionInput, input);
  const session = await findOwnedCount(deps.db, actor, sessionId);
  return deps.db.$transaction(async (tx) => {
    await lockOpenCount(tx, session.id, "update");
    const flagged = (await countLines(tx, session.id)).filter((l) => needsRecount(l, session)).map((l) => l.id);
    if (flagged.length > 0) await tx.countLine.updateMany({ where: { id: { in: flagged }, round: 1 }, data: { round: 2, recountRequested: true } });
    return { recounts: flagged.length };
  });
}
