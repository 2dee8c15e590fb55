import type { batchUpdateItem } from "@stockroom/contracts";
import type { z } from "zod";
import type { Deps } from "../deps.ts";

export type BatchItem = z.output<typeof batchUpdateItem>;
export interface ItemFailure {
  code: "NOT_FOUND" | "CONFLICT" | "VALIDATION_FAILED";
  field: string;
  message: string;
}
export type BatchTarget = { ok: true; productId: string; lotId: string } | { ok: false; error: ItemFailure };

interface LotRef {
  id: string;
  productId: string;
  locationId: string;
}

/**
 * Which lot each item changes, read in two queries for the whole batch. Only the producer's own
 * products and lots are found (another producer's id is "not found", like everywhere); a platform
 * admin without a producer names products and lots by id. A product
 * must have exactly one lot in scope (at `locationId` when given); otherwise the item names `lotId`.
 */
export async function resolveBatchTargets(db: Deps["db"], producerId: string | undefined, items: BatchItem[]): Promise<BatchTarget[]> {
  const ids = items.flatMap((i) => (i.productId ? [i.productId] : []));
  const skus = items.flatMap((i) => (i.sku ? [i.sku] : []));
  const products = await db.product.findMany({
    where: { producerId, OR: [{ id: { in: ids } }, { sku: { in: skus } }] },
    select: { id: true, sku: true },
  });
  const bySku = new Map(products.map((p) => [p.sku, p.id]));
  const known = new Set(products.map((p) => p.id));
  const lotIds = items.flatMap((i) => (i.lotId ? [i.lotId] : []));
  const lots: LotRef[] = await db.lot.findMany({
    where: { producerId, OR: [{ id: { in: lotIds } }, { productId: { in: [...known] } }] },
    select: { id: true, productId: true, locationId: true },
  });
  const lotById = new Map(lots.map((l) => [l.id, l]));
  return items.map((item, index) => targetOf(item, index, { bySku, known, lots, lotById }));
}

function targetOf(
  item: BatchItem,
  index: number,
  found: { bySku: Map<string, string>; known: Set<string>; lots: LotRef[]; lotById: Map<string, LotRef> },
): BatchTarget {
  const fail = (code: ItemFailure["code"], field: string, message: string): BatchTarget => ({
    ok: false,
    error: { code, field: `updates.${index}.${field}`, message },
  });
  const productId = item.sku ? found.bySku.get(item.sku) : item.productId;
  if ((item.sku || item.productId) && (!productId || !found.known.has(productId)))
    return item.sku ? fail("NOT_FOUND", "sku", `No product with SKU ${item.sku}.`) : fail("NOT_FOUND", "productId", "Product not found.");
  if (item.lotId) {
    const lot = found.lotById.get(item.lotId);
    if (!lot || (productId && lot.productId !== productId)) return fail("NOT_FOUND", "lotId", "Lot not found.");
    return { ok: true, productId: lot.productId, lotId: lot.id };
  }
  const candidates = found.lots.filter((l) => l.productId === productId && (!item.locationId || l.locationId === item.locationId));
  const [only] = candidates;
  if (candidates.length === 1 && only) return { ok: true, productId: only.productId, lotId: only.id };
  if (candidates.length === 0)
    return fail("VALIDATION_FAILED", item.locationId ? "locationId" : "productId", "No stock is kept for this product there yet; receive it first.");
  return fail("VALIDATION_FAILED", "lotId", `This product is kept in ${candidates.length} lots; name the lot (lotId).`);
}
