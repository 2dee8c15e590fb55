import { describe, expect, it } from "vitest";
import { domainFailure, useStockWorld } from "../testing/index.ts";
import { preferSupplier, supplierFor } from "../testing/purchasing-fixtures.ts";
import { productWithStock } from "../testing/stock-fixtures.ts";
import { approvePurchaseOrder } from "./approve-purchase-order.ts";
import { rejectPurchaseOrder } from "./change-purchase-order.ts";
import { checkReorder } from "./check-reorder.ts";
import { receivePurchaseOrder } from "./receive-purchase-order.ts";

const t = useStockWorld();

/** A PO of 10 units drafted by the reorder check (safety stock 10, nothing in stock, pack 1). */
async function drafted() {
  const { product } = await productWithStock(t.deps, t.world, []);
  const supplier = await supplierFor(t.deps, t.world);
  await preferSupplier(t.deps, t.world, { supplierId: supplier.id, productId: product.id, unitCostCents: 180 }, { safetyStock: 10, shelfLifeDays: null });
  const { purchaseOrderId } = await checkReorder(t.deps, { productId: product.id });
  return { product, purchaseOrderId: purchaseOrderId as string };
}

const events = (resourceId: string) => t.db.webhookEvent.findMany({ where: { resourceId }, orderBy: { seq: "asc" }, include: { deliveries: true } });

describe("purchase_order.* webhook events", () => {
  it("each status change records its event with the order as it stands, in the change's transaction; a refused change records none", async () => {
    await t.db.webhookEndpoint.create({
      data: {
        producerId: t.world.producer.id,
        url: "https://93.184.215.14/po",
        eventTypes: ["purchase_order.drafted", "purchase_order.approved", "purchase_order.partially_received", "purchase_order.received"],
        secret: "whsec_dGVzdA==",
      },
    });
    const { product, purchaseOrderId } = await drafted();
    const order = await approvePurchaseOrder(t.deps, t.world.admin, { purchaseOrderId });
    const base = { purchaseOrderId, lineId: order.lines[0]?.id as string, locationId: t.world.shop.id };
    await receivePurchaseOrder(t.deps, t.world.admin, { ...base, lotNumber: "W-1", quantity: 4 });
    // Refused (more than outstanding): rolls back, no event.
    expect((await domainFailure(receivePurchaseOrder(t.deps, t.world.admin, { ...base, lotNumber: "W-2", quantity: 7 }))).code).toBe("VALIDATION_FAILED");
    await receivePurchaseOrder(t.deps, t.world.admin, { ...base, lotNumber: "W-2", quantity: 6 });
    const recorded = await events(purchaseOrderId);
    expect(recorded.map((e) => [e.type, (e.payload as { status: string }).status, e.deliveries.length])).toEqual([
      ["purchase_order.drafted", "PENDING_APPROVAL", 1],
      ["purchase_order.approved", "APPROVED", 1],
      ["purchase_order.partially_received", "PARTIALLY_RECEIVED", 1],
      ["purchase_order.received", "RECEIVED", 1],
    ]);
    expect((recorded[2]?.payload as { lines?: unknown[] } | undefined)?.lines).toEqual([
      { productId: product.id, sku: product.sku, quantity: 10, receivedQuantity: 4, shippedQuantity: null, unitCostCents: 180 },
    ]);
  });

  it("nothing is recorded for a type no endpoint subscribes to", async () => {
    const { purchaseOrderId } = await drafted();
    await rejectPurchaseOrder(t.deps, t.world.admin, { purchaseOrderId, reason: "Too early" });
    expect(await events(purchaseOrderId)).toHaveLength(1); // drafted only (the endpoint above); not rejected
  });
});
