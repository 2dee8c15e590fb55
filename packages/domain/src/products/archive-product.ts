import { archiveProductInput, duplicateProductInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { findOwnedProduct } from "../stock/find-owned.ts";
import { parseInput } from "../validation.ts";
import { productView, productWithImages } from "./product-view.ts";
import { skuClash } from "./save-product.ts";
import { retryOnSlugClash } from "./slug-clash.ts";

/**
 * Archived products leave the storefront and cannot be held (both hold paths read archivedAt on
 * the product row they lock); their lots, movements, holds and orders stay as they are.
 */
export async function archiveProduct(deps: Deps, actor: StaffActor, input: z.input<typeof archiveProductInput>) {
  const { productId } = parseInput(archiveProductInput, input);
  const existing = await findOwnedProduct(deps.db, actor, productId);
  const product = await deps.db.product.update({
    where: { id: productId },
    data: { archivedAt: existing.archivedAt ?? deps.clock.now() },
    include: productWithImages,
  });
  return productView(product);
}

export async function restoreProduct(deps: Deps, actor: StaffActor, input: z.input<typeof archiveProductInput>) {
  const { productId } = parseInput(archiveProductInput, input);
  await findOwnedProduct(deps.db, actor, productId);
  const product = await deps.db.product.update({ where: { id: productId }, data: { archivedAt: null }, include: productWithImages });
  return productView(product);
}

/** A new product with the same fields under a new SKU: no stock, no history, no images (an image's key belongs to one product). */
export async function duplicateProduct(deps: Deps, actor: StaffActor, input: z.input<typeof duplicateProductInput>) {
  const { productId, sku, name } = parseInput(duplicateProductInput, input);
  const source = await findOwnedProduct(deps.db, actor, productId);
  const product = await retryOnSlugClash(() =>
    deps.db.product.create({
      data: {
        producerId: source.producerId,
        sku,
        name: name ?? `${source.name} (copy)`.slice(0, 200),
        category: source.category,
        description: source.description,
        priceCents: source.priceCents,
        unitCostCents: source.unitCostCents,
        minStockLevel: source.minStockLevel,
        trackInventory: source.trackInventory,
        leadTimeDays: source.leadTimeDays,
        barcode: source.barcode,
        maxPerCart: source.maxPerCart,
        requiresExpiryDate: source.requiresExpiryDate,
        minShelfLifeDays: source.minShelfLifeDays,
      },
      include: productWithImages,
    }),
  ).catch((error: unknown) => {
    throw skuClash(error) ?? error;
  });
  return productView(product);
}
