import { adjustLotInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { enqueueLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { applyMovementOrFail, lockProducts, movementView } from "./apply-movement.ts";
import { actorLabel, findOwnedLot } from "./find-owned.ts";
import { onceForKey } from "./idempotency.ts";
import { checkAdjustReason } from "./set-on-hand.ts";
import { stockTransaction } from "./transaction-options.ts";

/** Corrects on hand by a signed amount; never below what is reserved for holds and orders. */
export async function adjustLot(deps: Deps, actor: StaffActor, input: z.input<typeof adjustLotInput>) {
  const { idempotencyKey, ...data } = parseInput(adjustLotInput, input);
  checkAdjustReason(actor, data.reason);
  const lot = await findOwnedLot(deps.db, actor, data.lotId);
  return stockTransaction(deps, (tx) =>
    onceForKey(tx, { action: "stock.adjust", tenant: lot.producerId }, idempotencyKey, data, async () => {
      await lockProducts(tx, [lot.productId]);
      const movement = await applyMovementOrFail(
        tx,
        { lotId: lot.id, type: "ADJUSTMENT", quantity: data.change, reason: data.reason, actor: actorLabel(actor), at: deps.clock.now() },
        () => belowReserved(lot.lotNumber),
      );
      await enqueueLowStockChecks(deps, tx, [lot.productId]);
      return { movement: movementView(movement) };
    }),
  );
}

export function belowReserved(lotNumber: string): DomainError {
  return new DomainError("CONFLICT", `Lot ${lotNumber} cannot go below the units reserved for holds and orders.`, {
    fields: { change: "would take on hand below reserved" },
  });
}
