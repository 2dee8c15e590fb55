import type { Tx } from "@stockroom/db";
import type { JobQueue, SendOptions } from "@stockroom/jobs";
import type { Deps } from "../deps.ts";
import { stockTransaction } from "../stock/transaction-options.ts";
import { addDraftLine } from "./draft-purchase-order.ts";
import { readReorderState } from "./reorder-state.ts";

export type ReorderOutcome = "missing" | "not-tracked" | "no-supplier" | "awaiting-approval" | "above-reorder-point" | "nothing-to-order" | "drafted";

/**
 * The reorder job for one product: when available + on order is at or below the reorder point,
 * a line for the preferred supplier is drafted (PENDING_APPROVAL). Idempotent and safe to run
 * concurrently: one awaiting line per product (supplier row lock + partial unique index).
 */
export async function checkReorder(
  deps: Deps,
  input: { productId: string },
): Promise<{ outcome: ReorderOutcome; purchaseOrderId?: string; quantity?: number }> {
  return stockTransaction(deps, async (tx) => {
    const state = await readReorderState(deps, tx, input.productId);
    if (!state) return { outcome: "missing" };
    if (!state.trackInventory) return { outcome: "not-tracked" };
    if (!state.supplierId || !state.plan) return { outcome: "no-supplier" };
    if (state.awaitingPurchaseOrderId) return { outcome: "awaiting-approval", purchaseOrderId: state.awaitingPurchaseOrderId };
    if (!state.plan.isDue) return { outcome: "above-reorder-point" };
    if (state.plan.quantity === 0) return { outcome: "nothing-to-order" };
    const added = await addDraftLine(deps, tx, {
      producerId: state.producerId,
      supplierId: state.supplierId,
      productId: state.productId,
      quantity: state.plan.quantity,
      unitCostCents: state.unitCostCents ?? 0,
      createdBy: "system:reorder",
      isAutoDrafted: true,
    });
    if (!added) return { outcome: "awaiting-approval" };
    return { outcome: "drafted", purchaseOrderId: added.purchaseOrderId, quantity: state.plan.quantity };
  });
}

/** The periodic safety net: every tracked product with a preferred supplier and no line awaiting approval. */
export async function sweepReorder(deps: Deps): Promise<{ checked: number; drafted: number }> {
  const rows = await deps.db.$queryRaw<{ productId: string }[]>`
    SELECT sp."productId" FROM "SupplierProduct" sp JOIN "Product" p ON p.id = sp."productId"
    WHERE sp."isPreferred" AND p."trackInventory" AND p."archivedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "PurchaseOrderLine" l WHERE l."productId" = sp."productId" AND l."awaitingApproval")
    ORDER BY sp."productId"`;
  let drafted = 0;
  for (const { productId } of rows) if ((await checkReorder(deps, { productId })).outcome === "drafted") drafted++;
  return { checked: rows.length, drafted };
}

/** Queues a reorder check per product (one queued per product: a burst of changes makes one check). */
export async function sendReorderChecks(jobs: JobQueue, via: Pick<SendOptions, "tx" | "client">, productIds: string[]): Promise<void> {
  for (const productId of [...new Set(productIds)].sort()) await jobs.send("purchasing.check-reorder", { productId }, { ...via, singletonKey: productId });
}

/** After a stock change (admin paths), in its transaction: a check for those of the products that have a preferred supplier. */
export async function enqueueReorderChecks(deps: Deps, tx: Tx, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return;
  const rows = await tx.$queryRaw<{ productId: string }[]>`
    SELECT "productId" FROM "SupplierProduct" WHERE "isPreferred" AND "productId" = ANY(${[...new Set(productIds)]}::uuid[])`;
  await sendReorderChecks(
    deps.jobs,
    { tx },
    rows.map((r) => r.productId),
  );
}
