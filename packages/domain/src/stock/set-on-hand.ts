import { ADJUST_REASONS, setOnHandInput } from "@stockroom/contracts";
import type { Tx } from "@stockroom/db";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { enqueueLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { can } from "../permissions.ts";
import { parseInput } from "../validation.ts";
import { applyMovement, lockProducts, type MovementRow, movementView } from "./apply-movement.ts";
import { actorLabel, findOwnedLot } from "./find-owned.ts";
import { onceForKey } from "./idempotency.ts";
import { stockTransaction } from "./transaction-options.ts";

/** A reason from the list, unless the role may give any reason (the same rule as an adjustment). */
export function checkAdjustReason(actor: StaffActor, reason: string): void {
  if (!can(actor, "stock.adjust.anyReason") && !(ADJUST_REASONS as readonly string[]).includes(reason))
    throw new DomainError("FORBIDDEN", `Choose one of the listed reasons: ${ADJUST_REASONS.join(", ")}.`, { fields: { reason: "not in the list" } });
}

export type LevelChange =
  | { ok: true; previousOnHand: number; newOnHand: number; movement: MovementRow | null }
  | { ok: false; reason: "mismatch"; currentOnHand: number }
  | { ok: false; reason: "below-reserved"; currentOnHand: number; reserved: number };

/**
 * Moves one lot to a new on hand (`set`, or the current one plus `adjust`) as an ADJUSTMENT of the
 * difference, never below reserved (nor zero), if it still holds
 * `expected` when given. The caller holds the product's lock, so the lot cannot change between the
 * read and the write. Setting the value it already has writes nothing.
 */
export async function setLotLevel(
  tx: Tx,
  lotId: string,
  change: ({ set: number } | { adjust: number }) & { expected?: number; reason: string; actor: string; at: Date },
): Promise<LevelChange> {
  const [lot] = await tx.$queryRaw<{ onHand: number; reserved: number }[]>`SELECT "onHand", reserved FROM "Lot" WHERE id = ${lotId}::uuid`;
  if (!lot) throw notFound("Lot");
  if (change.expected !== undefined && lot.onHand !== change.expected) return { ok: false, reason: "mismatch", currentOnHand: lot.onHand };
  const target = "set" in change ? change.set : lot.onHand + change.adjust;
  if (target === lot.onHand) return { ok: true, previousOnHand: lot.onHand, newOnHand: lot.onHand, movement: null };
  if (target < lot.reserved) return { ok: false, reason: "below-reserved", currentOnHand: lot.onHand, reserved: lot.reserved };
  const movement = await applyMovement(tx, {
    lotId,
    type: "ADJUSTMENT",
    quantity: target - lot.onHand,
    reason: change.reason,
    actor: change.actor,
    at: change.at,
  });
  if (!movement) return { ok: false, reason: "below-reserved", currentOnHand: lot.onHand, reserved: lot.reserved };
  return { ok: true, previousOnHand: movement.previousOnHand, newOnHand: movement.newOnHand, movement };
}

/** Sets a lot's on hand, compare-and-set: a lot that no longer holds `expectedOnHand` is a CONFLICT carrying its current value. */
export async function setOnHand(deps: Deps, actor: StaffActor, input: z.input<typeof setOnHandInput>) {
  const { idempotencyKey, ...data } = parseInput(setOnHandInput, input);
  checkAdjustReason(actor, data.reason);
  const lot = await findOwnedLot(deps.db, actor, data.lotId);
  return stockTransaction(deps, (tx) =>
    onceForKey(tx, { action: "stock.setOnHand", tenant: lot.producerId }, idempotencyKey, data, async () => {
      await lockProducts(tx, [lot.productId]);
      const at = deps.clock.now();
      const result = await setLotLevel(tx, lot.id, { set: data.onHand, expected: data.expectedOnHand, reason: data.reason, actor: actorLabel(actor), at });
      if (!result.ok && result.reason === "mismatch")
        throw new DomainError("CONFLICT", `Lot ${lot.lotNumber} holds ${result.currentOnHand}, not ${data.expectedOnHand}; read it again and retry.`, {
          fields: { expectedOnHand: `on hand is now ${result.currentOnHand}` },
          details: { currentOnHand: result.currentOnHand },
        });
      if (!result.ok)
        throw new DomainError("CONFLICT", `Lot ${lot.lotNumber} cannot go below the ${result.reserved} units reserved for holds and orders.`, {
          fields: { onHand: `at least ${result.reserved} are reserved` },
          details: { currentOnHand: result.currentOnHand, reserved: result.reserved },
        });
      if (result.movement) await enqueueLowStockChecks(deps, tx, [lot.productId]);
      return {
        lotId: lot.id,
        previousOnHand: result.previousOnHand,
        onHand: result.newOnHand,
        movement: result.movement ? movementView(result.movement) : null,
      };
    }),
  );
}
