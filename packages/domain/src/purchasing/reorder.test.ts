import { describe, expect, it } from "vitest";
import { useStockWorld } from "../testing/index.ts";
import { preferSupplier, recordSales, supplierFor } from "../testing/purchasing-fixtures.ts";
import { productWithStock } from "../testing/stock-fixtures.ts";
import { approvePurchaseOrder } from "./approve-purchase-order.ts";
import { checkReorder, sweepReorder } from "./check-reorder.ts";
import { reorderPlan } from "./reorder-point.ts";

const t = useStockWorld({ maxConnections: 20 });

/**
 * 65 units received, 60 sold in the window: 5 available, velocity 60 / 30 = 2 a day. Lead time 10:
 * default safety stock = ceil(2 x 10 / 2) = 10, reorder point = 2 x 10 + 10 = 30. Wanted =
 * 30 + 2 x 30 (cover) - 5 = 85.
 */
async function sellingProduct(reorder?: { safetyStock: number | null; shelfLifeDays: number | null }, terms = { packSize: 12, minOrderQuantity: 6 }) {
  const { product, lotIds } = await productWithStock(t.deps, t.world, [{ quantity: 65 }]);
  await recordSales(t.deps, lotIds[0] as string, 60);
  const supplier = await supplierFor(t.deps, t.world, { leadTimeDays: 10 });
  await preferSupplier(t.deps, t.world, { supplierId: supplier.id, productId: product.id, ...terms }, reorder);
  return { product, supplier, lotId: lotIds[0] as string };
}

const linesOf = (productId: string) => t.db.purchaseOrderLine.findMany({ where: { productId }, include: { purchaseOrder: true } });

describe("the reorder point", () => {
  it("drafts one PENDING_APPROVAL line rounded up to the pack size: 85 wanted -> 96 (8 packs of 12)", async () => {
    const { product, supplier } = await sellingProduct();
    const result = await checkReorder(t.deps, { productId: product.id });
    expect(result).toMatchObject({ outcome: "drafted", quantity: 96 });
    const [line, ...others] = await linesOf(product.id);
    expect(others).toHaveLength(0);
    expect(line).toMatchObject({ quantity: 96, unitCostCents: 150, awaitingApproval: true });
    expect(line?.purchaseOrder).toMatchObject({ status: "PENDING_APPROVAL", supplierId: supplier.id, isAutoDrafted: true, reference: "PO-1001" });
  });

  it("caps the order at what sells before a new lot expires: shelf life 20 days x 2 a day = 40, so 36 (3 packs; 4 would pass 40)", async () => {
    const { product } = await sellingProduct({ safetyStock: null, shelfLifeDays: 20 });
    expect(await checkReorder(t.deps, { productId: product.id })).toMatchObject({ outcome: "drafted", quantity: 36 });
    expect(
      reorderPlan({
        soldInWindow: 60,
        windowDays: 30,
        leadTimeDays: 10,
        safetyStock: null,
        shelfLifeDays: 20,
        available: 5,
        onOrder: 0,
        packSize: 12,
        minOrderQuantity: 6,
      }),
    ).toEqual({
      velocity: 2,
      safetyStock: 10,
      reorderPoint: 30,
      position: 5,
      isDue: true,
      shelfLifeCap: 40,
      quantity: 36,
    });
    // A minimum order above the cap orders nothing rather than stock that would expire.
    expect(
      reorderPlan({
        soldInWindow: 60,
        windowDays: 30,
        leadTimeDays: 10,
        safetyStock: null,
        shelfLifeDays: 20,
        available: 5,
        onOrder: 0,
        packSize: 1,
        minOrderQuantity: 50,
      }).quantity,
    ).toBe(0);
  });

  it("counts stock already on order: once the 96 are approved and outstanding, 5 + 96 is above 30 and nothing more is drafted", async () => {
    const { product } = await sellingProduct();
    const drafted = await checkReorder(t.deps, { productId: product.id });
    await approvePurchaseOrder(t.deps, t.world.admin, { purchaseOrderId: drafted.purchaseOrderId as string });
    expect(await checkReorder(t.deps, { productId: product.id })).toEqual({ outcome: "above-reorder-point" });
    expect(await linesOf(product.id)).toHaveLength(1);
  });

  it("a product's own safety stock replaces the default: 0 safety -> reorder point 20, order 75 (pack of 1)", async () => {
    const { product } = await sellingProduct({ safetyStock: 0, shelfLifeDays: null }, { packSize: 1, minOrderQuantity: 1 });
    await t.db.lot.findFirstOrThrow({ where: { productId: product.id } });
    // 20 + 2 x 30 - 5 = 75
    expect(await checkReorder(t.deps, { productId: product.id })).toMatchObject({ outcome: "drafted", quantity: 75 });
  });

  it("20 concurrent triggers for one product draft exactly one line; two products of one supplier share one PO", async () => {
    const first = await sellingProduct();
    const { product: second } = await productWithStock(t.deps, t.world, [{ quantity: 3 }]);
    await preferSupplier(t.deps, t.world, { supplierId: first.supplier.id, productId: second.id }, { safetyStock: 10, shelfLifeDays: null });
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => checkReorder(t.deps, { productId: i % 2 === 0 ? first.product.id : second.id })));
    expect(outcomes.filter((o) => o.outcome === "drafted")).toHaveLength(2);
    expect(outcomes.filter((o) => o.outcome === "awaiting-approval")).toHaveLength(18);
    const lines = [...(await linesOf(first.product.id)), ...(await linesOf(second.id))];
    expect(lines).toHaveLength(2);
    expect(new Set(lines.map((l) => l.purchaseOrderId)).size).toBe(1);
    expect(lines.find((l) => l.productId === second.id)?.quantity).toBe(7); // safety 10, no sales: 10 - 3
    expect(await sweepReorder(t.deps)).toMatchObject({ drafted: 0 });
  });
});
