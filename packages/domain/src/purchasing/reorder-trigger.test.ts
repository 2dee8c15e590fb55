import { describe, expect, it } from "vitest";
import { checkLowStock } from "../alerts/check-low-stock.ts";
import { adjustLot } from "../stock/adjust-lot.ts";
import { useStockWorld } from "../testing/index.ts";
import { preferSupplier, supplierFor } from "../testing/purchasing-fixtures.ts";
import { productWithStock } from "../testing/stock-fixtures.ts";

const t = useStockWorld();

/** Reorder jobs queued for the product (pg-boss's own table). */
async function reorderJobs(productId: string): Promise<number> {
  const [row] = await t.db.$queryRaw<{ n: number }[]>`
    SELECT COUNT(*)::int AS n FROM pgboss.job WHERE name = 'purchasing.check-reorder' AND data->>'productId' = ${productId}`;
  return row?.n ?? 0;
}

describe("what queues a reorder check", () => {
  it("an admin stock change of a product with a preferred supplier queues one check (a burst queues one); without a supplier none", async () => {
    const { product, lotIds } = await productWithStock(t.deps, t.world, [{ quantity: 30 }], { minStockLevel: 0 });
    const { product: orphan, lotIds: orphanLots } = await productWithStock(t.deps, t.world, [{ quantity: 30 }], { minStockLevel: 0 });
    const supplier = await supplierFor(t.deps, t.world);
    await preferSupplier(t.deps, t.world, { supplierId: supplier.id, productId: product.id });
    for (const change of [-1, -1, -1]) await adjustLot(t.deps, t.world.admin, { lotId: lotIds[0] as string, change, reason: "Count correction" });
    await adjustLot(t.deps, t.world.admin, { lotId: orphanLots[0] as string, change: -1, reason: "Count correction" });
    expect(await reorderJobs(product.id)).toBe(1);
    expect(await reorderJobs(orphan.id)).toBe(0);
  });

  it("the low-stock check (what the hold paths queue) queues the reorder check for a low product with a preferred supplier", async () => {
    const { product } = await productWithStock(t.deps, t.world, [{ quantity: 3 }], { minStockLevel: 5 });
    const supplier = await supplierFor(t.deps, t.world);
    await preferSupplier(t.deps, t.world, { supplierId: supplier.id, productId: product.id });
    await t.db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'purchasing.check-reorder' AND data->>'productId' = ${product.id}`;
    expect((await checkLowStock(t.deps, { productId: product.id })).outcome).toBe("opened");
    expect(await reorderJobs(product.id)).toBe(1);
  });
});
