import { cancelCountInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";
import { findOwnedCount, lockOpenCount } from "./find-count.ts";

/** Cancels an open count: nothing is written to stock, its lots are free to be counted again. */
export async function cancelCount(deps: Deps, actor: StaffActor, input: z.input<typeof cancelCountInput>) {
  const data = parseInput(cancelCountInput, input);
  const session = await findOwnedCount(deps.db, actor, data.sessionId);
  return deps.db.$transaction(async (tx) => {
    await lockOpenCount(tx, session.id, "update");
    await tx.countLine.updateMany({ where: { sessionId: session.id }, data: { open: false } });
    await tx.countSession.update({
      where: { id: session.id },
      data: { status: "CANCELLED", closedAt: deps.clock.now(), closedBy: actor.staffId, cancelReason: data.reason },
    });
    return { sessionId: session.id, status: "CANCELLED" as const };
  });
}
