import { productDetailInput } from "@stockroom/contracts";
import type { ExpiryBand } from "@stockroom/db";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { findOwnedProduct } from "../stock/find-owned.ts";
import { sqlTimestamp, utcDay } from "../stock/sql-time.ts";
import { parseInput } from "../validation.ts";

/** A product with its lots (FEFO order, expiry band, days left) and availability. */
export async function productDetail(deps: Deps, actor: StaffActor, input: z.input<typeof productDetailInput>) {
  const { productId } = parseInput(productDetailInput, input);
  const product = await findOwnedProduct(deps.db, actor, productId);
  const now = deps.clock.now();
  const day = utcDay(now);
  const today = new Date(`${day}T00:00:00Z`).getTime();
  // FEFO order and expiry band come from their one definition in SQL (prisma/sql).
  const ranked = await deps.db.$queryRaw<{ lotId: string; band: ExpiryBand | null }[]>`
    SELECT f.lot_id AS "lotId", stock_expiry_band(f.expiry_date, ${day}::date) AS band
    FROM stock_fefo_lots(ARRAY[${productId}::uuid], ${day}::date) f ORDER BY f.fefo_rank`;
  const byId = new Map(
    (await deps.db.lot.findMany({ where: { productId }, include: { location: { select: { name: true, isSellable: true } } } })).map((l) => [l.id, l]),
  );
  const lots = ranked.flatMap(({ lotId, band }) => {
    const lot = byId.get(lotId);
    return lot ? [{ ...lot, band }] : [];
  });
  const [stock] = await deps.db.$queryRaw<{ available: number | null; isLow: boolean }[]>`
    SELECT CASE WHEN a.track_inventory THEN a.available END AS available, a.track_inventory AND stock_is_low(a.available, p."minStockLevel") AS "isLow"
    FROM stock_available_many(ARRAY[${productId}::uuid], ${sqlTimestamp(now)}::timestamp, ${day}::date) a JOIN "Product" p ON p.id = a.product_id`;
  const incomingOrders = await deps.db.$queryRaw<{ purchaseOrderId: string; reference: string; outstanding: number; expectedOn: Date | null }[]>`
    SELECT o.id AS "purchaseOrderId", o.reference, GREATEST(l.quantity - l."receivedQuantity", 0)::int AS outstanding, o."shipmentExpectedOn" AS "expectedOn"
    FROM "PurchaseOrderLine" l JOIN "PurchaseOrder" o ON o.id = l."purchaseOrderId"
    WHERE l."productId" = ${productId}::uuid AND o.status IN ('APPROVED', 'PARTIALLY_RECEIVED') AND l.quantity > l."receivedQuantity"
    ORDER BY o.number`;
  return {
    /** Units outstanding on approved purchase orders, and those orders. */
    incoming: incomingOrders.reduce((sum, o) => sum + o.outstanding, 0),
    incomingOrders: incomingOrders.map((o) => ({ ...o, expectedOn: o.expectedOn?.toISOString().slice(0, 10) ?? null })),
    product: {
      id: product.id,
      sku: product.sku,
      name: product.name,
      category: product.category,
      priceCents: product.priceCents,
      unitCostCents: product.unitCostCents,
      minStockLevel: product.minStockLevel,
      trackInventory: product.trackInventory,
      leadTimeDays: product.leadTimeDays,
      barcode: product.barcode,
      maxPerCart: product.maxPerCart,
      producerId: product.producerId,
    },
    available: stock?.available ?? null,
    isLow: stock?.isLow ?? false,
    lots: lots.map((l) => {
      const daysLeft = l.expiryDate ? Math.round((l.expiryDate.getTime() - today) / 86_400_000) : null;
      return {
        id: l.id,
        lotNumber: l.lotNumber,
        location: l.location.name,
        locationId: l.locationId,
        isSellable: l.location.isSellable,
        expiryDate: l.expiryDate?.toISOString().slice(0, 10) ?? null,
        daysLeft,
        band: l.band,
        receivedAt: l.receivedAt.toISOString(),
        unitCostCents: l.unitCostCents,
        onHand: l.onHand,
        reserved: l.reserved,
      };
    }),
  };
}
