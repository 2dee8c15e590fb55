import { describe, expect, it } from "vitest";
import { receiveLot } from "../stock/receive-lot.ts";
import { productWithStock, useStockWorld } from "../testing/index.ts";
import { checkLowStock, sweepLowStock } from "./check-low-stock.ts";

const stock = useStockWorld();

describe("hourly low-stock sweep", () => {
  it("opens what is low, resolves what recovered, leaves the rest alone, and looks at tracked products only", async () => {
    const { db, deps, world } = stock;
    // No worker runs here: the checks that stock changes queue never run, so only the sweep acts.
    const { product: low } = await productWithStock(deps, world, [{ quantity: 5 }], { minStockLevel: 10, name: "Sweep low" });
    const { product: fine } = await productWithStock(deps, world, [{ quantity: 50 }], { minStockLevel: 10, name: "Sweep fine" });
    const { product: recovered } = await productWithStock(deps, world, [{ quantity: 3 }], { minStockLevel: 10, name: "Sweep recovered" });
    const { product: stillLow } = await productWithStock(deps, world, [{ quantity: 2 }], { minStockLevel: 10, name: "Sweep still low" });
    await productWithStock(deps, world, [], { minStockLevel: 10, trackInventory: false, name: "Sweep untracked" });
    expect((await checkLowStock(deps, { productId: recovered.id })).outcome).toBe("opened");
    expect((await checkLowStock(deps, { productId: stillLow.id })).outcome).toBe("opened");
    await receiveLot(deps, world.admin, {
      productId: recovered.id,
      locationId: world.shop.id,
      lotNumber: "MORE",
      expiryDate: null,
      unitCostCents: 100,
      quantity: 20,
    });

    expect(await sweepLowStock(deps)).toEqual({ checked: 4, changed: 2 });
    const alerts = await db.lowStockAlert.findMany({ where: { productId: { in: [low.id, fine.id, recovered.id, stillLow.id] } } });
    const statusOf = (id: string) => alerts.filter((a) => a.productId === id).map((a) => [a.status, a.notifyCount]);
    expect(statusOf(low.id)).toEqual([["OPEN", 1]]);
    expect(statusOf(fine.id)).toEqual([]);
    expect(statusOf(recovered.id)).toEqual([["RESOLVED", 1]]);
    expect(statusOf(stillLow.id)).toEqual([["OPEN", 1]]);

    // A second sweep within the day changes nothing; a day later the open alerts are re-notified.
    expect(await sweepLowStock(deps)).toEqual({ checked: 4, changed: 0 });
    stock.clock.advance(25 * 3_600_000);
    expect(await sweepLowStock(deps)).toEqual({ checked: 4, changed: 2 });
    expect((await db.lowStockAlert.findMany({ where: { productId: { in: [low.id, stillLow.id] }, status: "OPEN" } })).map((a) => a.notifyCount)).toEqual([
      2, 2,
    ]);
  });
});
