import { draftPurchaseOrderInput } from "@stockroom/contracts";
import type { Tx } from "@stockroom/db";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { requirePermission } from "../permissions.ts";
import { actorLabel, findOwnedProduct } from "../stock/find-owned.ts";
import { stockTransaction } from "../stock/transaction-options.ts";
import { parseInput } from "../validation.ts";
import { purchaseOrderDrafted } from "./purchase-order-events.ts";
import { readReorderState } from "./reorder-state.ts";

/** The producer's next PO number (PO-1001, ...): the counter row stays locked until the transaction ends, so numbers are consecutive. */
export async function nextPurchaseOrderNumber(tx: Tx, producerId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ lastNumber: number }[]>`
    INSERT INTO "PurchaseOrderCounter" ("producerId", "lastNumber") VALUES (${producerId}::uuid, 1001)
    ON CONFLICT ("producerId") DO UPDATE SET "lastNumber" = "PurchaseOrderCounter"."lastNumber" + 1
    RETURNING "lastNumber"`;
  if (!row) throw new Error("The purchase order counter returned no row.");
  return row.lastNumber;
}

export interface DraftLine {
  producerId: string;
  supplierId: string;
  productId: string;
  quantity: number;
  unitCostCents: number;
  createdBy: string;
  isAutoDrafted: boolean;
}

/**
 * Adds one line awaiting approval for a product to its supplier's order awaiting approval (a new
 * PO when there is none). The supplier row is locked first, so drafts for one supplier queue; the
 * partial unique index refuses a second awaiting line for the product whatever happens.
 * Returns null when the product already has one.
 */
export async function addDraftLine(deps: Deps, tx: Tx, line: DraftLine): Promise<{ purchaseOrderId: string; reference: string; isNew: boolean } | null> {
  await tx.$queryRaw`SELECT id FROM "Supplier" WHERE id = ${line.supplierId}::uuid FOR NO KEY UPDATE`;
  const awaiting = await tx.purchaseOrderLine.findFirst({ where: { productId: line.productId, awaitingApproval: true } });
  if (awaiting) return null;
  let order = await tx.purchaseOrder.findFirst({ where: { supplierId: line.supplierId, status: "PENDING_APPROVAL" }, orderBy: { number: "desc" } });
  const isNew = !order;
  if (!order) {
    const number = await nextPurchaseOrderNumber(tx, line.producerId);
    order = await tx.purchaseOrder.create({
      data: {
        producerId: line.producerId,
        supplierId: line.supplierId,
        number,
        reference: `PO-${number}`,
        status: "PENDING_APPROVAL",
        isAutoDrafted: line.isAutoDrafted,
        createdBy: line.createdBy,
        createdAt: deps.clock.now(),
      },
    });
  }
  const inserted = await tx.$executeRaw`
    INSERT INTO "PurchaseOrderLine" (id, "purchaseOrderId", "producerId", "productId", quantity, "unitCostCents")
    VALUES (gen_random_uuid(), ${order.id}::uuid, ${line.producerId}::uuid, ${line.productId}::uuid, ${line.quantity}, ${line.unitCostCents})
    ON CONFLICT DO NOTHING`;
  if (inserted === 0) throw new DomainError("CONFLICT", "This product was just added to another purchase order.", { isRetryable: true });
  if (isNew) await purchaseOrderDrafted(tx, { purchaseOrderId: order.id, producerId: order.producerId, reference: order.reference });
  return { purchaseOrderId: order.id, reference: order.reference, isNew };
}

/**
 * A person drafts an order for one product (the analytics restock table's link): its preferred
 * supplier, the reorder rule's quantity (or one minimum order when the rule says nothing is due).
 * A product already awaiting approval answers that order: one awaiting line per product.
 */
export async function draftPurchaseOrder(deps: Deps, actor: StaffActor, input: z.input<typeof draftPurchaseOrderInput>) {
  requirePermission(actor, "purchasing.manage");
  const { productId } = parseInput(draftPurchaseOrderInput, input);
  const product = await findOwnedProduct(deps.db, actor, productId);
  return stockTransaction(deps, async (tx) => {
    const state = await readReorderState(deps, tx, product.id);
    if (state?.awaitingPurchaseOrderId) return { purchaseOrderId: state.awaitingPurchaseOrderId, isNew: false };
    if (!state?.supplierId || !state.plan)
      throw new DomainError("VALIDATION_FAILED", `${product.name} has no preferred supplier yet. Add one on the Suppliers page.`, {
        fields: { productId: "No preferred supplier." },
      });
    const preferred = await tx.supplierProduct.findFirstOrThrow({ where: { productId: product.id, isPreferred: true } });
    const quantity = state.plan.quantity > 0 ? state.plan.quantity : Math.max(preferred.minOrderQuantity, preferred.packSize);
    const added = await addDraftLine(deps, tx, {
      producerId: product.producerId,
      supplierId: state.supplierId,
      productId: product.id,
      quantity,
      unitCostCents: preferred.unitCostCents,
      createdBy: actorLabel(actor),
      isAutoDrafted: false,
    });
    if (!added) throw new DomainError("CONFLICT", "This product was just added to another purchase order.", { isRetryable: true });
    await recordAudit(tx, {
      action: "purchase_order.drafted",
      producerId: product.producerId,
      actor,
      target: { type: "purchase_order", id: added.purchaseOrderId },
      details: { productId: product.id, quantity },
      at: deps.clock.now(),
    });
    return { purchaseOrderId: added.purchaseOrderId, isNew: added.isNew };
  });
}
