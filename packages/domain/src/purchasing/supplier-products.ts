import { removeSupplierProductInput, setReorderSettingInput, setSupplierProductInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { requirePermission } from "../permissions.ts";
import { findOwnedProduct } from "../stock/find-owned.ts";
import { parseInput } from "../validation.ts";
import { findOwnedSupplier } from "./suppliers.ts";

/**
 * What a supplier sells us of one product (their SKU, cost, pack size, minimum order). Marking it
 * preferred unmarks the product's other supplier in the same transaction; the partial unique index
 * keeps one preferred supplier per product even when two saves race.
 */
export async function setSupplierProduct(deps: Deps, actor: StaffActor, input: z.input<typeof setSupplierProductInput>) {
  requirePermission(actor, "purchasing.manage");
  const data = parseInput(setSupplierProductInput, input);
  const supplier = await findOwnedSupplier(deps.db, actor, data.supplierId);
  const product = await findOwnedProduct(deps.db, actor, data.productId);
  if (product.producerId !== supplier.producerId) throw notFound("Product");
  const fields = {
    supplierSku: data.supplierSku ?? null,
    unitCostCents: data.unitCostCents,
    packSize: data.packSize,
    minOrderQuantity: data.minOrderQuantity,
    isPreferred: data.isPreferred,
  };
  return deps.db.$transaction(async (tx) => {
    if (data.isPreferred) await tx.supplierProduct.updateMany({ where: { productId: product.id, isPreferred: true }, data: { isPreferred: false } });
    const row = await tx.supplierProduct.upsert({
      where: { supplierId_productId: { supplierId: supplier.id, productId: product.id } },
      create: { ...fields, supplierId: supplier.id, productId: product.id, producerId: supplier.producerId },
      update: fields,
    });
    await recordAudit(tx, {
      action: "supplier.product_changed",
      producerId: supplier.producerId,
      actor,
      target: { type: "supplier", id: supplier.id },
      details: { productId: product.id, sku: product.sku, ...fields },
      at: deps.clock.now(),
    });
    return { supplierId: row.supplierId, productId: row.productId, isPreferred: row.isPreferred };
  });
}

export async function removeSupplierProduct(deps: Deps, actor: StaffActor, input: z.input<typeof removeSupplierProductInput>) {
  requirePermission(actor, "purchasing.manage");
  const data = parseInput(removeSupplierProductInput, input);
  const supplier = await findOwnedSupplier(deps.db, actor, data.supplierId);
  return deps.db.$transaction(async (tx) => {
    const removed = await tx.supplierProduct.deleteMany({ where: { supplierId: supplier.id, productId: data.productId } });
    if (removed.count > 0)
      await recordAudit(tx, {
        action: "supplier.product_changed",
        producerId: supplier.producerId,
        actor,
        target: { type: "supplier", id: supplier.id },
        details: { productId: data.productId, removed: true },
        at: deps.clock.now(),
      });
    return { removed: removed.count };
  });
}

/** A product's safety stock and shelf life for its reorder point (null: the default / no cap). */
export async function setReorderSetting(deps: Deps, actor: StaffActor, input: z.input<typeof setReorderSettingInput>) {
  requirePermission(actor, "purchasing.manage");
  const data = parseInput(setReorderSettingInput, input);
  const product = await findOwnedProduct(deps.db, actor, data.productId);
  const fields = { safetyStock: data.safetyStock, shelfLifeDays: data.shelfLifeDays };
  const row = await deps.db.reorderSetting.upsert({
    where: { productId: product.id },
    create: { ...fields, productId: product.id, producerId: product.producerId },
    update: fields,
  });
  return { productId: row.productId, safetyStock: row.safetyStock, shelfLifeDays: row.shelfLifeDays };
}
