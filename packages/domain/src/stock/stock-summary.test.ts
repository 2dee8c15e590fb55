import { describe, expect, it } from "vitest";
import { listInventory } from "../reports/inventory/list-inventory.ts";
import { expectValidInventory, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { adjustLot } from "./adjust-lot.ts";
import { reserveCart } from "./reserve-cart.ts";
import { rebuildStockSummaries, refreshStockSummaries } from "./stock-summary.ts";
import { validateInventory } from "./validate-inventory.ts";

const stock = useStockWorld({ maxConnections: 20 });
const { clock } = stock;
const summaryOf = (productId: string) => stock.db.productStock.findUniqueOrThrow({ where: { productId } });
const rowOf = async (sku: string) => (await listInventory(stock.deps, stock.world.admin, { search: sku })).items[0];

describe("product summaries (ProductStock)", () => {
  it("follow every lot change in the same transaction: receive, hold, adjust, move to a store that does not sell", async () => {
    const { product, lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 10, unitCostCents: 150 }], { minStockLevel: 4 });
    expect(await summaryOf(product.id)).toMatchObject({ onHand: 10, reserved: 0, available: 10, valueCents: 1500n, status: "in_stock" });
    await reserveCart(stock.deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 7 }] });
    expect(await summaryOf(product.id)).toMatchObject({ onHand: 10, reserved: 7, available: 3, status: "low" });
    await adjustLot(stock.deps, stock.world.admin, { lotId: lotIds[0] as string, change: -3, reason: "damaged in count" });
    expect(await summaryOf(product.id)).toMatchObject({ onHand: 7, available: 0, valueCents: 1050n, status: "out" });
    await stock.db.location.update({ where: { id: stock.world.shop.id }, data: { isSellable: false } });
    expect(await summaryOf(product.id)).toMatchObject({ onHand: 7, reserved: 7, available: 0 });
    await stock.db.location.update({ where: { id: stock.world.shop.id }, data: { isSellable: true } });
    await stock.db.product.update({ where: { id: product.id }, data: { trackInventory: false } });
    expect(await summaryOf(product.id)).toMatchObject({ trackInventory: false, status: "in_stock" });
    await expectValidInventory(stock.db, clock.now());
  });

  it("move with the days: a lot enters its last 30 days, expires, and the clock set back undoes it", async () => {
    // Today is 2026-06-01: a lot good until 2026-07-06 is fine now, expiring from 2026-06-06, expired on 2026-07-06.
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 5, expiryDate: "2026-07-06" }, { quantity: 2 }]);
    expect(await rowOf(product.sku)).toMatchObject({ available: 7, status: "in_stock" });
    expect((await summaryOf(product.id)).validUntil?.toISOString().slice(0, 10)).toBe("2026-06-06");
    clock.set(new Date("2026-06-06T08:00:00Z"));
    expect(await rowOf(product.sku)).toMatchObject({ available: 7, status: "expiring", flags: ["expiring"] });
    clock.set(new Date("2026-07-06T00:00:01Z"));
    expect(await rowOf(product.sku)).toMatchObject({ available: 2, status: "expired", flags: ["low", "expired_lot"], unsellable: 5 });
    clock.set(new Date("2026-06-02T08:00:00Z"));
    expect(await rowOf(product.sku)).toMatchObject({ available: 7, status: "in_stock" });
    await expectValidInventory(stock.db, clock.now());
  });

  it("a row that disagrees with its lots fails inventory validation, naming the field", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 4 }]);
    expect(await validateInventory(stock.db, clock.now())).toEqual([]);
    await stock.db.productStock.update({ where: { productId: product.id }, data: { available: 5 } });
    const problems = await validateInventory(stock.db, clock.now());
    // The stored status follows the stored numbers (5, at the minimum of 5: in stock); the lots say low.
    expect(problems.map((p) => [p.check, p.productId, p.expected, p.actual])).toEqual([
      ["summary", product.id, "4", "5"],
      ["summary", product.id, "low", "in_stock"],
    ]);
    expect(problems[0]?.message).toBe("product summary available is 5 but its lots give 4");
    expect(
      await rebuildStockSummaries(
        stock.db,
        problems.map((p) => p.productId),
      ),
    ).toBe(1);
    expect(await validateInventory(stock.db, clock.now())).toEqual([]);
  });

  it("stay exact while holds, adjustments and refreshes for a new day race on real connections", async () => {
    const products = await Promise.all(
      [1, 2, 3].map(() =>
        productWithStock(stock.deps, stock.world, [
          { quantity: 40, expiryDate: "2026-06-03" },
          { quantity: 40, expiryDate: "2026-08-20" },
        ]),
      ),
    );
    clock.set(new Date("2026-06-03T00:00:05Z")); // the first lots have just expired
    const day = "2026-06-03";
    const work = products.flatMap(({ product, lotIds }) => [
      ...Array.from({ length: 12 }, () => reserveCart(stock.deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 2 }] }).catch(() => null)),
      ...Array.from({ length: 6 }, (_, i) =>
        adjustLot(stock.deps, stock.world.admin, { lotId: lotIds[i % 2] as string, change: i % 3 === 0 ? -1 : 2, reason: "recount" }).catch(() => null),
      ),
      ...Array.from({ length: 4 }, () => refreshStockSummaries(stock.db, day, null)),
    ]);
    await Promise.all(work);
    await expectValidInventory(stock.db, clock.now());
    for (const { product } of products) {
      const lots = await stock.db.lot.findMany({ where: { productId: product.id } });
      const good = lots.filter((l) => l.expiryDate && l.expiryDate.toISOString().slice(0, 10) > day);
      expect((await rowOf(product.sku))?.available).toBe(good.reduce((s, l) => s + l.onHand - l.reserved, 0));
    }
  });
});
