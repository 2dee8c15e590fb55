import { batchUpdateInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import { enqueueLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { lockProducts } from "./apply-movement.ts";
import { type BatchItem, type ItemFailure, resolveBatchTargets } from "./batch-update-targets.ts";
import { actorLabel } from "./find-owned.ts";
import { onceForKey } from "./idempotency.ts";
import { checkAdjustReason, setLotLevel } from "./set-on-hand.ts";
import { stockTransaction } from "./transaction-options.ts";

export interface BatchItemResult {
  index: number;
  ok: boolean;
  productId: string | null;
  lotId: string | null;
  previousOnHand: number | null;
  newOnHand: number | null;
  movementId: string | null;
  error: ItemFailure | null;
}

/**
 * The seed's batch update: up to 1,000 sets or adjustments by product id, SKU or lot, in one
 * transaction. Each item succeeds or fails on its own (an unknown SKU, a lot that no longer holds
 * `expectedOnHand`, a change below reserved) and the rest still apply; a malformed request is
 * refused whole. One idempotency key covers the batch: a repeat returns the first answer.
 */
export async function batchUpdateStock(deps: Deps, actor: StaffActor, input: z.input<typeof batchUpdateInput>) {
  const { idempotencyKey, ...data } = parseInput(batchUpdateInput, input);
  checkAdjustReason(actor, data.reason);
  const producerId = scopeProducerId(actor, data.producerId);
  if (!producerId && data.updates.some((u) => u.sku))
    throw new DomainError("VALIDATION_FAILED", "Choose the producer whose SKUs the batch names.", { fields: { producerId: "required with SKUs" } });
  const targets = await resolveBatchTargets(deps.db, producerId, data.updates as BatchItem[]);
  return stockTransaction(deps, (tx) =>
    onceForKey(tx, { action: "stock.batchUpdate", tenant: producerId ?? "platform" }, idempotencyKey, data, async () => {
      const productIds = [...new Set(targets.flatMap((t) => (t.ok ? [t.productId] : [])))];
      await lockProducts(tx, productIds);
      const at = deps.clock.now();
      const results: BatchItemResult[] = [];
      for (const [index, target] of targets.entries()) {
        const item = data.updates[index] as BatchItem;
        if (!target.ok) {
          results.push({ index, ok: false, productId: null, lotId: null, previousOnHand: null, newOnHand: null, movementId: null, error: target.error });
          continue;
        }
        const to = item.set !== undefined ? { set: item.set } : { adjust: item.adjust ?? 0 };
        const change = await setLotLevel(tx, target.lotId, { ...to, expected: item.expectedOnHand, reason: data.reason, actor: actorLabel(actor), at });
        const base = { index, productId: target.productId, lotId: target.lotId };
        if (change.ok) {
          const movementId = change.movement ? change.movement.id.toString() : null;
          results.push({ ...base, ok: true, previousOnHand: change.previousOnHand, newOnHand: change.newOnHand, movementId, error: null });
        } else {
          const error: ItemFailure =
            change.reason === "mismatch"
              ? { code: "CONFLICT", field: `updates.${index}.expectedOnHand`, message: `On hand is now ${change.currentOnHand}.` }
              : {
                  code: "CONFLICT",
                  field: `updates.${index}.${item.set !== undefined ? "set" : "adjust"}`,
                  message: `Cannot go below the ${change.reserved} units reserved.`,
                };
          results.push({ ...base, ok: false, previousOnHand: change.currentOnHand, newOnHand: change.currentOnHand, movementId: null, error });
        }
      }
      const moved = [...new Set(results.filter((r) => r.movementId).map((r) => r.productId as string))];
      if (moved.length > 0) await enqueueLowStockChecks(deps, tx, moved);
      const applied = results.filter((r) => r.ok).length;
      return { applied, failed: results.length - applied, results };
    }),
  );
}
