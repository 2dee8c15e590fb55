import { writeOffLotInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { enqueueLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";
import { belowReserved } from "./adjust-lot.ts";
import { applyMovementOrFail, lockProducts, movementView } from "./apply-movement.ts";
import { actorLabel, findOwnedLot } from "./find-owned.ts";
import { onceForKey } from "./idempotency.ts";
import { stockTransaction } from "./transaction-options.ts";

/** The reason a write-off's movement carries ("write-off: expired (note)"). */
export function writeOffMovementReason(reason: string, note?: string): string {
  return `write-off: ${reason.toLowerCase()}${note ? ` (${note})` : ""}`;
}

/** Every expired write-off's movement reason starts with this: the expiry report and the waste metrics read it. */
export const EXPIRED_WRITE_OFF_PREFIX = writeOffMovementReason("EXPIRED");

/** Disposes units (expired, damaged...) as a WRITE_OFF movement carrying the lot's unit cost. */
export async function writeOffLot(deps: Deps, actor: StaffActor, input: z.input<typeof writeOffLotInput>) {
  const { idempotencyKey, ...data } = parseInput(writeOffLotInput, input);
  const lot = await findOwnedLot(deps.db, actor, data.lotId);
  return stockTransaction(deps, (tx) =>
    onceForKey(tx, { action: "stock.write-off", tenant: lot.producerId }, idempotencyKey, data, async () => {
      await lockProducts(tx, [lot.productId]);
      const reason = writeOffMovementReason(data.reason, data.note);
      const movement = await applyMovementOrFail(
        tx,
        { lotId: lot.id, type: "WRITE_OFF", quantity: -data.quantity, reason, actor: actorLabel(actor), at: deps.clock.now() },
        () => belowReserved(lot.lotNumber),
      );
      await enqueueLowStockChecks(deps, tx, [lot.productId]);
      return { movement: movementView(movement), costCents: data.quantity * lot.unitCostCents };
    }),
  );
}
