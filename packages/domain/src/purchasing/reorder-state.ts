import type { Tx } from "@stockroom/db";
import type { Deps } from "../deps.ts";
import { sqlTimestamp, utcDay } from "../stock/sql-time.ts";
import { REORDER_VELOCITY_DAYS, type ReorderPlan, reorderPlan } from "./reorder-point.ts";

export interface ReorderState {
  productId: string;
  producerId: string;
  name: string;
  sku: string;
  trackInventory: boolean;
  supplierId: string | null;
  unitCostCents: number | null;
  /** A line for this product already awaits approval (its PO). */
  awaitingPurchaseOrderId: string | null;
  plan: ReorderPlan | null;
}

/**
 * Everything the reorder rule needs for one product, read in one statement: availability
 * (stock_available_many), units fulfilled in the velocity window, outstanding units on approved
 * purchase orders, the preferred supplier's lead time, pack and minimum, and the product's settings.
 */
export async function readReorderState(deps: Deps, tx: Tx, productId: string): Promise<ReorderState | null> {
  const now = deps.clock.now();
  const today = utcDay(now);
  const [row] = await tx.$queryRaw<
    {
      productId: string;
      producerId: string;
      name: string;
      sku: string;
      trackInventory: boolean;
      available: number;
      sold: number;
      onOrder: number;
      supplierId: string | null;
      leadTimeDays: number | null;
      packSize: number | null;
      minOrderQuantity: number | null;
      unitCostCents: number | null;
      safetyStock: number | null;
      shelfLifeDays: number | null;
      awaitingPurchaseOrderId: string | null;
    }[]
  >`
    SELECT p.id AS "productId", p."producerId", p.name, p.sku, p."trackInventory", a.available,
      COALESCE((SELECT -SUM(m.quantity) FROM "Movement" m WHERE m."productId" = p.id AND m.type = 'FULFILMENT'
                AND m."createdAt" >= ${today}::date - ${REORDER_VELOCITY_DAYS}::int), 0)::int AS sold,
      COALESCE((SELECT SUM(GREATEST(l.quantity - l."receivedQuantity", 0)) FROM "PurchaseOrderLine" l JOIN "PurchaseOrder" o ON o.id = l."purchaseOrderId"
                WHERE l."productId" = p.id AND o.status IN ('APPROVED', 'PARTIALLY_RECEIVED')), 0)::int AS "onOrder",
      sp."supplierId", s."leadTimeDays", sp."packSize", sp."minOrderQuantity", sp."unitCostCents",
      r."safetyStock", r."shelfLifeDays",
      (SELECT l."purchaseOrderId" FROM "PurchaseOrderLine" l WHERE l."productId" = p.id AND l."awaitingApproval") AS "awaitingPurchaseOrderId"
    FROM "Product" p
    JOIN stock_available_many(ARRAY[${productId}::uuid], ${sqlTimestamp(now)}::timestamp, ${today}::date) a ON a.product_id = p.id
    LEFT JOIN "SupplierProduct" sp ON sp."productId" = p.id AND sp."isPreferred"
    LEFT JOIN "Supplier" s ON s.id = sp."supplierId"
    LEFT JOIN "ReorderSetting" r ON r."productId" = p.id
    WHERE p.id = ${productId}::uuid`;
  if (!row) return null;
  const plan =
    row.supplierId === null
      ? null
      : reorderPlan({
          soldInWindow: row.sold,
          windowDays: REORDER_VELOCITY_DAYS,
          leadTimeDays: row.leadTimeDays ?? 0,
          safetyStock: row.safetyStock,
          shelfLifeDays: row.shelfLifeDays,
          available: row.available,
          onOrder: row.onOrder,
          packSize: row.packSize ?? 1,
          minOrderQuantity: row.minOrderQuantity ?? 1,
        });
  return {
    productId: row.productId,
    producerId: row.producerId,
    name: row.name,
    sku: row.sku,
    trackInventory: row.trackInventory,
    supplierId: row.supplierId,
    unitCostCents: row.unitCostCents,
    awaitingPurchaseOrderId: row.awaitingPurchaseOrderId,
    plan,
  };
}
