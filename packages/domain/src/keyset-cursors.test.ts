import { describe, expect, it } from "vitest";
import { encodeCursor } from "./cursor.ts";
import { listOrders } from "./orders/list-orders.ts";
import { placeOrder } from "./orders/place-order.ts";
import { listProducts } from "./products/list-products.ts";
import { adjustLot } from "./stock/adjust-lot.ts";
import { listMovements } from "./stock/list-movements.ts";
import { TEST_CHECKOUT } from "./testing/checkout.ts";
import { createStockWorld, domainFailure, newCartId, productWithStock, useStockWorld } from "./testing/index.ts";

const stock = useStockWorld({ maxConnections: 10 });

/** Every page of a keyset list, following nextCursor to the end. */
async function allPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const answer = await page(cursor);
    pages.push(answer.items);
    cursor = answer.nextCursor ?? undefined;
  } while (cursor && pages.length < 20);
  return pages;
}

describe("keyset cursors", () => {
  it("products: by name then id, equal names included once each, across pages", async () => {
    const world = await createStockWorld(stock.db);
    for (const name of ["Beet", "Apple", "Apple", "Apple", "Carrot"]) await productWithStock(stock.deps, world, [], { name });
    const pages = await allPages(async (cursor) => {
      const items = await listProducts(stock.deps, world.admin, { producerId: world.producer.id, limit: 2, cursor });
      const last = items.at(-1);
      return { items, nextCursor: items.length === 2 && last ? encodeCursor([last.name, last.id]) : null };
    });
    expect(pages.map((p) => p.map((i) => i.name))).toEqual([["Apple", "Apple"], ["Apple", "Beet"], ["Carrot"]]);
    expect(new Set(pages.flat().map((i) => i.id)).size).toBe(5);
    const forged = await domainFailure(listProducts(stock.deps, world.admin, { producerId: world.producer.id, cursor: encodeCursor(["Apple", "not-a-uuid"]) }));
    expect([forged.code, forged.fields]).toEqual(["VALIDATION_FAILED", { cursor: "not a cursor from this list" }]);
  });

  it("orders: newest first by placed time, orders of the same instant each once", async () => {
    const world = await createStockWorld(stock.db);
    const { product } = await productWithStock(stock.deps, world, [{ quantity: 50 }]);
    const ids: string[] = [];
    for (const at of ["2026-06-01T09:00:00Z", "2026-06-01T09:00:00Z", "2026-06-01T09:00:00Z", "2026-06-02T09:00:00Z", "2026-06-03T09:00:00Z"]) {
      stock.clock.set(new Date(at));
      const { orders } = await placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId: newCartId(), lines: [{ productId: product.id, quantity: 1 }] });
      ids.push(orders[0]?.orderId as string);
    }
    const pages = await allPages(async (cursor) => {
      const answer = await listOrders(stock.deps, world.admin, { producerId: world.producer.id, pageSize: 2, cursor });
      return { items: answer.orders.map((o) => o.id), nextCursor: answer.nextCursor };
    });
    expect(pages.flat()).toEqual([...ids].reverse());
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    const sorted = await domainFailure(listOrders(stock.deps, world.admin, { producerId: world.producer.id, sort: "total", cursor: "x" }));
    expect(Object.keys(sorted.fields ?? {})).toEqual(["cursor"]);
  });

  it("movements: the producer's whole ledger, one type, a range of days", async () => {
    const world = await createStockWorld(stock.db);
    stock.clock.set(new Date("2026-06-01T09:00:00Z"));
    const { lotIds } = await productWithStock(stock.deps, world, [{ quantity: 10 }, { quantity: 5 }]);
    stock.clock.set(new Date("2026-06-03T09:00:00Z"));
    await adjustLot(stock.deps, world.admin, { lotId: lotIds[0] as string, change: -2, reason: "Count correction" });
    const all = await listMovements(stock.deps, world.admin, { producerId: world.producer.id });
    expect(all.items.map((m) => [m.type, m.quantity])).toEqual([
      ["ADJUSTMENT", -2],
      ["RECEIPT", 5],
      ["RECEIPT", 10],
    ]);
    const receipts = await listMovements(stock.deps, world.admin, { producerId: world.producer.id, type: "RECEIPT", limit: 1 });
    expect([receipts.items.map((m) => m.quantity), receipts.nextCursor !== null]).toEqual([[5], true]);
    const onThird = await listMovements(stock.deps, world.admin, { producerId: world.producer.id, from: "2026-06-03", to: "2026-06-03" });
    expect(onThird.items.map((m) => m.quantity)).toEqual([-2]);
    const before = await listMovements(stock.deps, world.admin, { producerId: world.producer.id, to: "2026-06-02" });
    expect(before.items.map((m) => m.quantity)).toEqual([5, 10]);
    expect((await domainFailure(listMovements(stock.deps, world.admin, {}))).fields).toEqual({ productId: "required without lotId or producerId" });
  });
});
