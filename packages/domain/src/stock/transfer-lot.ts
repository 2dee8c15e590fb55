import { transferLotInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { enqueueLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { belowReserved } from "./adjust-lot.ts";
import { applyMovementOrFail, lockProducts, movementView } from "./apply-movement.ts";
import { actorLabel, findOwnedLocation, findOwnedLot } from "./find-owned.ts";
import { onceForKey } from "./idempotency.ts";
import { stockTransaction } from "./transaction-options.ts";

/** Moves units to the same lot (number, expiry, cost, received date) at another location: two TRANSFER movements. */
export async function transferLot(deps: Deps, actor: StaffActor, input: z.input<typeof transferLotInput>) {
  const { idempotencyKey, ...data } = parseInput(transferLotInput, input);
  const lot = await findOwnedLot(deps.db, actor, data.lotId);
  const target = await findOwnedLocation(deps.db, lot.producerId, data.toLocationId);
  if (target.id === lot.locationId)
    throw new DomainError("VALIDATION_FAILED", "Choose a different location.", { fields: { toLocationId: "same as the lot's location" } });
  if (target.archivedAt) throw new DomainError("VALIDATION_FAILED", `${target.name} is archived.`, { fields: { toLocationId: "Archived." } });
  return stockTransaction(deps, (tx) =>
    onceForKey(tx, { action: "stock.transfer", tenant: lot.producerId }, idempotencyKey, data, async () => {
      await lockProducts(tx, [lot.productId]);
      const destination = await tx.lot.upsert({
        where: { productId_locationId_lotNumber: { productId: lot.productId, locationId: target.id, lotNumber: lot.lotNumber } },
        update: {},
        create: {
          producerId: lot.producerId,
          productId: lot.productId,
          locationId: target.id,
          lotNumber: lot.lotNumber,
          expiryDate: lot.expiryDate,
          unitCostCents: lot.unitCostCents,
          receivedAt: lot.receivedAt,
        },
      });
      const reason = `transfer ${lot.location.name} -> ${target.name}`;
      const reference = { referenceType: "transfer", referenceId: `${lot.id}->${destination.id}` };
      const out = await applyMovementOrFail(
        tx,
        { lotId: lot.id, type: "TRANSFER", quantity: -data.quantity, reason, actor: actorLabel(actor), at: deps.clock.now(), ...reference },
        () => belowReserved(lot.lotNumber),
      );
      const into = await applyMovementOrFail(
        tx,
        { lotId: destination.id, type: "TRANSFER", quantity: data.quantity, reason, actor: actorLabel(actor), at: deps.clock.now(), ...reference },
        () => belowReserved(lot.lotNumber),
      );
      await enqueueLowStockChecks(deps, tx, [lot.productId]);
      return { toLotId: destination.id, movements: [movementView(out), movementView(into)] };
    }),
  );
}
