import { describe, expect, it } from "vitest";
import { createProducer, createProduct, domainFailure, expectValidInventory, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { batchUpdateStock } from "./batch-update.ts";
import { reserveCart } from "./reserve-cart.ts";

const stock = useStockWorld({ maxConnections: 8 });

const onHandOf = async (lotId: string) => (await stock.db.lot.findUniqueOrThrow({ where: { id: lotId } })).onHand;

describe("batch update (the seed's integration endpoint)", () => {
  it("applies the valid items, reports each failed one with its field and reason, and repeats nothing for the same key", async () => {
    const bySku = await productWithStock(stock.deps, stock.world, [{ quantity: 10 }], { sku: "BATCH-SKU-1" });
    const byId = await productWithStock(stock.deps, stock.world, [{ quantity: 5 }]);
    const twoLots = await productWithStock(stock.deps, stock.world, [
      { quantity: 3, lotNumber: "A" },
      { quantity: 4, lotNumber: "B" },
    ]);
    const reserved = await productWithStock(stock.deps, stock.world, [{ quantity: 6 }]);
    await reserveCart(stock.deps, { cartId: newCartId(), lines: [{ productId: reserved.product.id, quantity: 4 }] });
    const other = await createProducer(stock.db);
    const stranger = await createProduct(stock.db, other.id, { sku: "BATCH-SKU-1" });
    const noStock = await createProduct(stock.db, stock.world.producer.id);
    const input = {
      producerId: stock.world.producer.id,
      idempotencyKey: "batch-key-0001",
      updates: [
        { sku: "BATCH-SKU-1", set: 25 },
        { productId: byId.product.id, adjust: -2 },
        { sku: "NO-SUCH-SKU", set: 1 },
        { productId: stranger.id, set: 1 },
        { productId: twoLots.product.id, set: 9 },
        { productId: twoLots.product.id, lotId: twoLots.lotIds[1], set: 9 },
        { productId: reserved.product.id, set: 3 },
        { productId: byId.product.id, expectedOnHand: 5, set: 1 },
        { productId: noStock.id, adjust: 4 },
      ],
    };
    const first = await batchUpdateStock(stock.deps, stock.world.admin, input);
    expect(first.applied).toBe(3);
    expect(first.results.map((r) => [r.ok, r.previousOnHand, r.newOnHand, r.error?.code ?? null, r.error?.field ?? null])).toEqual([
      [true, 10, 25, null, null],
      [true, 5, 3, null, null],
      [false, null, null, "NOT_FOUND", "updates.2.sku"],
      [false, null, null, "NOT_FOUND", "updates.3.productId"],
      [false, null, null, "VALIDATION_FAILED", "updates.4.lotId"],
      [true, 4, 9, null, null],
      [false, 6, 6, "CONFLICT", "updates.6.set"],
      [false, 3, 3, "CONFLICT", "updates.7.expectedOnHand"],
      [false, null, null, "VALIDATION_FAILED", "updates.8.productId"],
    ]);
    expect(first.results[7]?.error?.message).toBe("On hand is now 3.");
    const movements = await stock.db.movement.count({ where: { type: "ADJUSTMENT" } });
    const again = await batchUpdateStock(stock.deps, stock.world.admin, input);
    expect(again).toEqual(first);
    expect(await stock.db.movement.count({ where: { type: "ADJUSTMENT" } })).toBe(movements);
    expect([await onHandOf(bySku.lotIds[0] as string), await onHandOf(byId.lotIds[0] as string), await onHandOf(reserved.lotIds[0] as string)]).toEqual([
      25, 3, 6,
    ]);
    expect(await stock.db.lot.count({ where: { productId: stranger.id } })).toBe(0);
    const reused = await domainFailure(batchUpdateStock(stock.deps, stock.world.admin, { ...input, updates: [{ sku: "BATCH-SKU-1", set: 1 }] }));
    expect(reused).toMatchObject({ code: "CONFLICT", fields: { idempotencyKey: "already used" } });
    await expectValidInventory(stock.db, stock.clock.now());
  });

  it("a malformed item refuses the whole batch naming it; more than 1,000 items are refused", async () => {
    const { lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 10 }]);
    const lotId = lotIds[0] as string;
    const bad = await domainFailure(
      batchUpdateStock(stock.deps, stock.world.admin, {
        producerId: stock.world.producer.id,
        updates: [
          { lotId, set: 2 },
          { lotId, set: 3, adjust: 1 },
        ],
      }),
    );
    expect(bad).toMatchObject({ code: "VALIDATION_FAILED", fields: { "updates.1.set": "Give exactly one of set and adjust." } });
    const many = Array.from({ length: 1001 }, () => ({ lotId, adjust: 1 }));
    const tooMany = await domainFailure(batchUpdateStock(stock.deps, stock.world.admin, { producerId: stock.world.producer.id, updates: many }));
    expect(tooMany.fields).toEqual({ updates: "Send at most 1000 updates." });
    expect(await onHandOf(lotId)).toBe(10);
  });

  it("1,000 adjustments of one lot in one batch apply in order, as 1,000 ledger rows", async () => {
    const { lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 10 }]);
    const lotId = lotIds[0] as string;
    const updates = Array.from({ length: 1000 }, (_, i) => ({ lotId, adjust: i % 2 === 0 ? 3 : -1 }));
    const result = await batchUpdateStock(stock.deps, stock.world.admin, { producerId: stock.world.producer.id, updates });
    expect(result).toMatchObject({ applied: 1000, failed: 0 });
    expect(result.results[999]).toMatchObject({ previousOnHand: 1011, newOnHand: 1010 });
    expect(await onHandOf(lotId)).toBe(1010);
    expect(await stock.db.movement.count({ where: { lotId, type: "ADJUSTMENT" } })).toBe(1000);
    await expectValidInventory(stock.db, stock.clock.now());
  });

  it("two batches touching the same lots concurrently both apply fully, in some order", async () => {
    const a = await productWithStock(stock.deps, stock.world, [{ quantity: 100 }]);
    const b = await productWithStock(stock.deps, stock.world, [{ quantity: 100 }]);
    const [la, lb] = [a.lotIds[0] as string, b.lotIds[0] as string];
    const batch = (first: string, second: string) =>
      batchUpdateStock(stock.deps, stock.world.admin, {
        producerId: stock.world.producer.id,
        updates: [
          { lotId: first, adjust: -5 },
          { lotId: second, adjust: -7 },
        ],
      });
    const results = await Promise.all([batch(la, lb), batch(lb, la), batch(la, lb), batch(lb, la)]);
    expect(results.map((r) => r.applied)).toEqual([2, 2, 2, 2]);
    expect([await onHandOf(la), await onHandOf(lb)]).toEqual([76, 76]);
    await expectValidInventory(stock.db, stock.clock.now());
  });
});
