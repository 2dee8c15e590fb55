import { receiveLotInput } from "@stockroom/contracts";
import type { Tx } from "@stockroom/db";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { enqueueLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { can } from "../permissions.ts";
import { parseInput } from "../validation.ts";
import { applyMovementOrFail, lockProducts, movementView } from "./apply-movement.ts";
import { actorLabel, findOwnedLocation, findOwnedProduct } from "./find-owned.ts";
import { onceForKey } from "./idempotency.ts";
import { checkReceivingRules, quarantineLocationId } from "./receiving-rules.ts";
import { utcDay } from "./sql-time.ts";
import { stockTransaction } from "./transaction-options.ts";

export interface ReceiptRefusal {
  field: "expiryDate";
  /** Short, for a form field or an import row. */
  reason: string;
  message: string;
}

/**
 * Whether stock may be received into this lot. The one home of the receiving rules: the admin's
 * receipt and CSV stock imports (domain/imports) both ask it, so a rule added here applies to both.
 */
export function receiptRefusal(input: { lotNumber: string; expiryDate: Date | null; existing: { expiryDate: Date | null } | null }): ReceiptRefusal | null {
  const { existing, expiryDate } = input;
  if (existing && (existing.expiryDate?.getTime() ?? null) !== (expiryDate?.getTime() ?? null))
    return {
      field: "expiryDate",
      reason: "differs from the existing lot",
      message: `Lot ${input.lotNumber} already exists here with a different expiry date.`,
    };
  return null;
}

/** Receives stock into a lot (new, or more of an existing lot with the same number and expiry). */
export async function receiveLot(deps: Deps, actor: StaffActor, input: z.input<typeof receiveLotInput>) {
  const { idempotencyKey, ...data } = parseInput(receiveLotInput, input);
  if (data.unitCostCents !== undefined && !can(actor, "costs.view"))
    throw new DomainError("FORBIDDEN", "Your role receives stock at the product's unit cost.", { fields: { unitCostCents: "leave it out" } });
  const product = await findOwnedProduct(deps.db, actor, data.productId);
  const location = await findOwnedLocation(deps.db, product.producerId, data.locationId);
  if (location.archivedAt && !data.quarantine)
    throw new DomainError("VALIDATION_FAILED", `${location.name} is archived.`, { fields: { locationId: "Archived." } });
  const quarantine = data.quarantine === true || location.isQuarantine;
  checkReceivingRules(product, data.expiryDate, utcDay(deps.clock.now()), quarantine);
  const expiryDate = data.expiryDate ? new Date(`${data.expiryDate}T00:00:00Z`) : null;
  return stockTransaction(deps, (tx) =>
    onceForKey(tx, { action: "stock.receive", tenant: product.producerId }, idempotencyKey, data, async () => {
      const locationId = quarantine ? await quarantineLocationId(tx, product.producerId) : data.locationId;
      return receiveIntoLot(deps, tx, {
        product,
        locationId,
        lotNumber: data.lotNumber,
        expiryDate,
        unitCostCents: data.unitCostCents ?? product.unitCostCents,
        quantity: data.quantity,
        reason: quarantine ? "received into quarantine" : "received",
        actor: actorLabel(actor),
      });
    }),
  );
}

export interface ReceiptIntoLot {
  product: { id: string; producerId: string };
  locationId: string;
  lotNumber: string;
  expiryDate: Date | null;
  /** The new lot's cost (an existing lot keeps its own). */
  unitCostCents: number;
  quantity: number;
  reason: string;
  actor: string;
  /** What the RECEIPT movement points at; the lot itself when absent (a purchase order's receipt names the order). */
  reference?: { type: string; id: string };
}

/**
 * The receipt itself, in the caller's transaction (after its checks): locks the product, finds or
 * creates the lot (refused when the number exists with another expiry), writes the RECEIPT movement
 * and queues the low-stock check. The admin's receipt and a purchase order's receipt both call it.
 */
export async function receiveIntoLot(deps: Deps, tx: Tx, input: ReceiptIntoLot) {
  const { product, locationId, expiryDate } = input;
  await lockProducts(tx, [product.id]);
  const existing = await tx.lot.findUnique({
    where: { productId_locationId_lotNumber: { productId: product.id, locationId, lotNumber: input.lotNumber } },
  });
  const refusal = receiptRefusal({ lotNumber: input.lotNumber, expiryDate, existing });
  if (refusal) throw new DomainError("CONFLICT", refusal.message, { fields: { [refusal.field]: refusal.reason } });
  const lot =
    existing ??
    (await tx.lot.create({
      data: {
        producerId: product.producerId,
        productId: product.id,
        locationId,
        lotNumber: input.lotNumber,
        expiryDate,
        unitCostCents: input.unitCostCents,
        receivedAt: deps.clock.now(),
      },
    }));
  const movement = await applyMovementOrFail(
    tx,
    {
      lotId: lot.id,
      type: "RECEIPT",
      quantity: input.quantity,
      reason: input.reason,
      actor: input.actor,
      at: deps.clock.now(),
      referenceType: input.reference?.type ?? "lot",
      referenceId: input.reference?.id ?? lot.id,
    },
    () => new DomainError("CONFLICT", "The lot changed; try again.", { isRetryable: true }),
  );
  await enqueueLowStockChecks(deps, tx, [product.id]);
  return { lotId: lot.id, movement: movementView(movement) };
}
