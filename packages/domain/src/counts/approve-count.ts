import { approveCountInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { enqueueLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { applyMovement, lockProducts } from "../stock/apply-movement.ts";
import { actorLabel } from "../stock/find-owned.ts";
import { onceForKey } from "../stock/idempotency.ts";
import { stockTransaction } from "../stock/transaction-options.ts";
import { parseInput } from "../validation.ts";
import { accuracyOf, countLines, needsRecount, varianceOf } from "./count-lines.ts";
import { findOwnedCount, lockOpenCount } from "./find-count.ts";

/**
 * Approves a count: every counted line's variance becomes a COUNT movement (the ledger keeps the
 * previous and new on hand), all in one transaction, with the products locked so nothing moves
 * between reading the variances and writing them. Refused while a line asks for a recount, or when
 * a variance would take a lot below what is reserved. The count row's lock makes a second,
 * concurrent approval find it approved: it applies once.
 */
export async function approveCount(deps: Deps, actor: StaffActor, input: z.input<typeof approveCountInput>) {
  const { idempotencyKey, sessionId } = parseInput(approveCountInput, input);
  const session = await findOwnedCount(deps.db, actor, sessionId);
  return stockTransaction(deps, (tx) =>
    onceForKey(tx, { action: "counts.approve", tenant: session.producerId }, idempotencyKey, { sessionId }, async () => {
      await lockOpenCount(tx, session.id, "update");
      // Lock the products first (their ids only), then read the variances nothing can move any more.
      const products = await tx.countLine.findMany({ where: { sessionId: session.id }, select: { productId: true }, distinct: ["productId"] });
      await lockProducts(
        tx,
        products.map((p) => p.productId),
      );
      const lines = await countLines(tx, session.id);
      const recount = lines.filter((l) => needsRecount(l, session) || (l.recountRequested && l.counted === null));
      if (recount.length > 0)
        throw new DomainError("CONFLICT", `${recount.length} lots need a recount before this count can be approved.`, {
          details: { lots: recount.map((l) => l.lotNumber) },
        });
      const at = deps.clock.now();
      let movements = 0;
      for (const line of lines) {
        const variance = varianceOf(line);
        if (!variance) continue;
        const movement = await applyMovement(tx, {
          lotId: line.lotId,
          type: "COUNT",
          quantity: variance,
          reason: `count: counted ${line.counted}, system ${line.systemAtCount}`,
          actor: actorLabel(actor),
          referenceType: "count",
          referenceId: session.id,
          at,
        });
        if (!movement)
          throw new DomainError("CONFLICT", `Lot ${line.lotNumber} cannot go below the units reserved for holds and orders; release them first.`, {
            details: { lots: [line.lotNumber] },
          });
        await tx.countLine.update({ where: { id: line.id }, data: { movementId: movement.id } });
        movements += 1;
      }
      const accuracy = accuracyOf(lines);
      await tx.countLine.updateMany({ where: { sessionId: session.id }, data: { open: false } });
      await tx.countSession.update({
        where: { id: session.id },
        data: {
          status: "APPROVED",
          closedAt: at,
          closedBy: actor.staffId,
          countedLots: accuracy.countedLots,
          matchedLots: accuracy.matchedLots,
          countedValueCents: BigInt(accuracy.countedValueCents),
          matchedValueCents: BigInt(accuracy.matchedValueCents),
        },
      });
      if (movements > 0) await enqueueLowStockChecks(deps, tx, [...new Set(lines.map((l) => l.productId))]);
      return { sessionId: session.id, movements, accuracyRate: accuracy.accuracyRate, valueAccuracyRate: accuracy.valueAccuracyRate };
    }),
  );
}
