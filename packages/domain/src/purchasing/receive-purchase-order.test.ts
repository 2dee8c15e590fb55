import { describe, expect, it } from "vitest";
import { listInventory } from "../reports/inventory/list-inventory.ts";
import { productDetail } from "../reports/product-detail.ts";
import { actorFor, createProducer, createStaff } from "../testing/factories.ts";
import { domainFailure, expectValidInventory, useStockWorld } from "../testing/index.ts";
import { preferSupplier, supplierFor } from "../testing/purchasing-fixtures.ts";
import { productWithStock } from "../testing/stock-fixtures.ts";
import { approvePurchaseOrder } from "./approve-purchase-order.ts";
import { rejectPurchaseOrder, updatePurchaseOrderLine } from "./change-purchase-order.ts";
import { checkReorder } from "./check-reorder.ts";
import { getPurchaseOrder, incomingUnits } from "./purchase-order-view.ts";
import { receivePurchaseOrder } from "./receive-purchase-order.ts";

const t = useStockWorld();

/** An approved PO of 10 units (safety stock 10, nothing in stock, pack 1). */
async function approvedOrder() {
  const { product } = await productWithStock(t.deps, t.world, []);
  const supplier = await supplierFor(t.deps, t.world);
  await preferSupplier(t.deps, t.world, { supplierId: supplier.id, productId: product.id, unitCostCents: 180 }, { safetyStock: 10, shelfLifeDays: null });
  const { purchaseOrderId } = await checkReorder(t.deps, { productId: product.id });
  const order = await approvePurchaseOrder(t.deps, t.world.admin, { purchaseOrderId: purchaseOrderId as string });
  return { product, order, line: order.lines[0] as (typeof order.lines)[number] };
}

describe("receiving against a purchase order", () => {
  it("partial receipts make lots and RECEIPT movements naming the PO; the PO closes when complete and the ledger stays valid", async () => {
    const { product, order, line } = await approvedOrder();
    expect(order.status).toBe("APPROVED");
    expect((await incomingUnits(t.db, [product.id])).get(product.id)).toBe(10);
    expect((await listInventory(t.deps, t.world.admin, { search: product.sku })).items.map((i) => i.incoming)).toEqual([10]);
    expect(await productDetail(t.deps, t.world.admin, { productId: product.id })).toMatchObject({
      incoming: 10,
      incomingOrders: [{ reference: order.reference, outstanding: 10 }],
    });
    const base = { purchaseOrderId: order.id, lineId: line.id, locationId: t.world.shop.id };
    const first = await receivePurchaseOrder(t.deps, t.world.admin, { ...base, lotNumber: "PO-A", expiryDate: "2026-09-01", quantity: 4 });
    expect(first.status).toBe("PARTIALLY_RECEIVED");
    let view = await getPurchaseOrder(t.deps, t.world.admin, { purchaseOrderId: order.id });
    expect(view.lines[0]).toMatchObject({ quantity: 10, receivedQuantity: 4, outstanding: 6 });
    expect((await incomingUnits(t.db, [product.id])).get(product.id)).toBe(6);

    const over = await domainFailure(receivePurchaseOrder(t.deps, t.world.admin, { ...base, lotNumber: "PO-B", quantity: 7 }));
    expect(over.code).toBe("VALIDATION_FAILED");
    expect(over.fields).toEqual({ quantity: "At most 6." });

    const second = await receivePurchaseOrder(t.deps, t.world.admin, { ...base, lotNumber: "PO-B", expiryDate: "2026-10-01", quantity: 6 });
    expect(second.status).toBe("RECEIVED");
    view = await getPurchaseOrder(t.deps, t.world.admin, { purchaseOrderId: order.id });
    expect(view.status).toBe("RECEIVED");
    expect(view.closedAt).not.toBeNull();
    expect(view.lines[0]).toMatchObject({ receivedQuantity: 10, outstanding: 0 });
    expect(view.receipts.map((r) => [r.lotNumber, r.expiryDate, r.quantity])).toEqual([
      ["PO-A", "2026-09-01", 4],
      ["PO-B", "2026-10-01", 6],
    ]);
    const lots = await t.db.lot.findMany({ where: { productId: product.id }, orderBy: { lotNumber: "asc" } });
    expect(lots.map((l) => [l.lotNumber, l.onHand, l.unitCostCents])).toEqual([
      ["PO-A", 4, 180],
      ["PO-B", 6, 180],
    ]);
    const movements = await t.db.movement.findMany({ where: { productId: product.id } });
    expect(movements.every((m) => m.type === "RECEIPT" && m.referenceType === "purchase_order" && m.referenceId === order.id)).toBe(true);
    expect((await incomingUnits(t.db, [product.id])).get(product.id)).toBeUndefined();
    const closed = await domainFailure(receivePurchaseOrder(t.deps, t.world.admin, { ...base, lotNumber: "PO-C", quantity: 1 }));
    expect(closed.code).toBe("CONFLICT");
    await expectValidInventory(t.db, t.clock.now());
  });

  it("concurrent receipts of the outstanding units never take more than ordered", async () => {
    const { order, line } = await approvedOrder();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        receivePurchaseOrder(t.deps, t.world.admin, {
          purchaseOrderId: order.id,
          lineId: line.id,
          locationId: t.world.shop.id,
          lotNumber: `R-${i}`,
          quantity: 3,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const stored = await t.db.purchaseOrderLine.findUniqueOrThrow({ where: { id: line.id } });
    expect(stored.receivedQuantity).toBe(9);
    await expectValidInventory(t.db, t.clock.now());
  });

  it("edits and rejection happen only before approval; a rejected product can be drafted again", async () => {
    const { product } = await productWithStock(t.deps, t.world, []);
    const supplier = await supplierFor(t.deps, t.world);
    await preferSupplier(t.deps, t.world, { supplierId: supplier.id, productId: product.id }, { safetyStock: 5, shelfLifeDays: null });
    const { purchaseOrderId } = await checkReorder(t.deps, { productId: product.id });
    const id = purchaseOrderId as string;
    const draft = await getPurchaseOrder(t.deps, t.world.admin, { purchaseOrderId: id });
    const edited = await updatePurchaseOrderLine(t.deps, t.world.admin, {
      purchaseOrderId: id,
      lineId: draft.lines[0]?.id as string,
      quantity: 12,
      unitCostCents: 99,
    });
    expect(edited.lines[0]).toMatchObject({ quantity: 12, unitCostCents: 99 });
    const rejected = await rejectPurchaseOrder(t.deps, t.world.admin, { purchaseOrderId: id, reason: "Too expensive this month" });
    expect(rejected).toMatchObject({ status: "REJECTED", rejectReason: "Too expensive this month" });
    const noApprove = await domainFailure(approvePurchaseOrder(t.deps, t.world.admin, { purchaseOrderId: id }));
    expect(noApprove.code).toBe("CONFLICT");
    expect((await checkReorder(t.deps, { productId: product.id })).outcome).toBe("drafted");
  });

  it("another producer's purchase order is NOT_FOUND and nothing changes", async () => {
    const { order, line } = await approvedOrder();
    const stranger = actorFor(await createStaff(t.db, { role: "PRODUCER_ADMIN", producerId: (await createProducer(t.db)).id }));
    const receive = await domainFailure(
      receivePurchaseOrder(t.deps, stranger, { purchaseOrderId: order.id, lineId: line.id, locationId: t.world.shop.id, lotNumber: "X", quantity: 1 }),
    );
    expect(receive.code).toBe("NOT_FOUND");
    expect((await domainFailure(getPurchaseOrder(t.deps, stranger, { purchaseOrderId: order.id }))).code).toBe("NOT_FOUND");
    expect((await t.db.purchaseOrderLine.findUniqueOrThrow({ where: { id: line.id } })).receivedQuantity).toBe(0);
  });
});
