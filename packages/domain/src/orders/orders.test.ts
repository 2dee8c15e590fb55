import { describe, expect, it } from "vitest";
import { availabilityOf } from "../stock/availability.ts";
import { reserveCart } from "../stock/reserve-cart.ts";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { actorFor, createStaff, domainFailure, expectValidInventory, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { getCartOrder, getOrder } from "./get-orders.ts";
import { placeOrder } from "./place-order.ts";
import { setOrderStatus } from "./set-order-status.ts";

const stock = useStockWorld({ maxConnections: 10 });
const { clock } = stock;

async function placedOrder(lots: Parameters<typeof productWithStock>[2], quantity: number) {
  const { product, lotIds } = await productWithStock(stock.deps, stock.world, lots);
  const cartId = newCartId();
  const lines = [{ productId: product.id, quantity }];
  await reserveCart(stock.deps, { cartId, lines });
  const { orders } = await placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines });
  return { product, lotIds, cartId, order: orders[0] as NonNullable<(typeof orders)[0]> };
}

async function onHand(lotId: string) {
  return (await stock.db.lot.findUniqueOrThrow({ where: { id: lotId } })).onHand;
}

describe("placing orders", () => {
  it("queues a low-stock check when placing the order takes the product below its minimum", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 6 }], { minStockLevel: 5 });
    const cartId = newCartId();
    // No hold first: placing the order holds the cart itself, leaving 4 of a minimum of 5.
    await placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines: [{ productId: product.id, quantity: 2 }] });
    const queued = await stock.db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM pgboss.job WHERE name = 'stock.check-low' AND data->>'productId' = ${product.id}`;
    expect(queued[0]?.n).toBe(1);
  });

  it("turns live holds into a PENDING order: holds CONSUMED, lots still reserved, visible to the cart only", async () => {
    const { product, lotIds, cartId, order } = await placedOrder([{ quantity: 10, expiryDate: "2026-09-01" }], 4);
    expect(order).toMatchObject({ status: "PENDING", producerId: stock.world.producer.id });
    const holds = await stock.db.hold.findMany({ where: { cartId } });
    expect(holds.map((h) => h.status)).toEqual(["CONSUMED"]);
    expect((await stock.db.lot.findUniqueOrThrow({ where: { id: lotIds[0] } })).reserved).toBe(4);
    expect((await availabilityOf(stock.deps, [product.id])).get(product.id)).toBe(6);
    const view = await getCartOrder(stock.deps, { cartId, orderId: order.orderId });
    expect(view.lines[0]?.lots).toEqual([{ lotId: lotIds[0], lotNumber: "LOT-1", expiryDate: "2026-09-01", location: "Shop", quantity: 4 }]);
    expect((await domainFailure(getCartOrder(stock.deps, { cartId: newCartId(), orderId: order.orderId }))).code).toBe("NOT_FOUND");
    await expectValidInventory(stock.db, clock.now());
  });

  it("holds with the configured hold TTL, in the checkout and when placing the order re-holds a lapsed cart", async () => {
    const deps = { ...stock.deps, holdTtlSeconds: 120 };
    const { product } = await productWithStock(deps, stock.world, [{ quantity: 5 }]);
    const lines = [{ productId: product.id, quantity: 1 }];
    const cartId = newCartId();
    const held = await reserveCart(deps, { cartId, lines });
    expect(held.expiresAt).toBe(new Date(clock.now().getTime() + 120_000).toISOString());
    clock.advance(121_000);
    await placeOrder(deps, { ...TEST_CHECKOUT, cartId, lines });
    const [rehold] = await stock.db.hold.findMany({ where: { cartId, status: "CONSUMED" } });
    expect(rehold?.expiresAt.toISOString()).toBe(new Date(clock.now().getTime() + 120_000).toISOString());
  });

  it("re-holds a lapsed hold if the stock is still there, and names the lines that failed when it is gone", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 1 }]);
    const lines = [{ productId: product.id, quantity: 1 }];
    const slow = newCartId();
    await reserveCart(stock.deps, { cartId: slow, lines, ttlSeconds: 60 });
    clock.advance(61_000);
    const { orders } = await placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId: slow, lines });
    expect(orders).toHaveLength(1);

    const late = newCartId();
    const error = await domainFailure(placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId: late, lines }));
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toEqual({ shortLines: [{ productId: product.id, requested: 1, available: 0 }] });
    expect(await stock.db.order.count({ where: { cartId: late } })).toBe(0);
    await expectValidInventory(stock.db, clock.now());
  });
});

describe("fulfilment", () => {
  it("status sent 5 times concurrently takes stock out once; DISPATCHED then DELIVERED takes it once", async () => {
    const { lotIds, order } = await placedOrder([{ quantity: 10 }], 3);
    await setOrderStatus(stock.deps, stock.world.admin, { orderId: order.orderId, status: "CONFIRMED" });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => setOrderStatus(stock.deps, stock.world.admin, { orderId: order.orderId, status: "DISPATCHED" })),
    );
    expect(results.map((r) => r.movements.length).sort()).toEqual([0, 0, 0, 0, 1]);
    expect(results.find((r) => r.movements.length)?.movements[0]).toMatchObject({ type: "FULFILMENT", quantity: -3, previousOnHand: 10, newOnHand: 7 });
    await setOrderStatus(stock.deps, stock.world.admin, { orderId: order.orderId, status: "DELIVERED" });
    expect(await onHand(lotIds[0] as string)).toBe(7);
    expect(await stock.db.movement.count({ where: { lotId: lotIds[0], type: "FULFILMENT" } })).toBe(1);
    const lot = await stock.db.lot.findUniqueOrThrow({ where: { id: lotIds[0] } });
    expect(lot.reserved).toBe(0);
    await expectValidInventory(stock.db, clock.now());
  });

  it("CONFIRMED straight to DELIVERED also takes the stock, once", async () => {
    const { lotIds, order } = await placedOrder([{ quantity: 5 }], 2);
    await setOrderStatus(stock.deps, stock.world.admin, { orderId: order.orderId, status: "CONFIRMED" });
    const delivered = await setOrderStatus(stock.deps, stock.world.admin, { orderId: order.orderId, status: "DELIVERED" });
    expect(delivered.movements).toHaveLength(1);
    expect(await onHand(lotIds[0] as string)).toBe(3);
  });

  it("CANCELLED releases everything and is final", async () => {
    const { product, order } = await placedOrder([{ quantity: 5 }], 5);
    expect((await availabilityOf(stock.deps, [product.id])).get(product.id)).toBe(0);
    await setOrderStatus(stock.deps, stock.world.admin, { orderId: order.orderId, status: "CANCELLED" });
    expect((await availabilityOf(stock.deps, [product.id])).get(product.id)).toBe(5);
    const error = await domainFailure(setOrderStatus(stock.deps, stock.world.admin, { orderId: order.orderId, status: "DISPATCHED" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.userMessage).toBe("An order that is CANCELLED cannot become DISPATCHED. It is final.");
    await expectValidInventory(stock.db, clock.now());
  });

  it("rejects an illegal transition with the allowed ones", async () => {
    const { order } = await placedOrder([{ quantity: 5 }], 1);
    const error = await domainFailure(setOrderStatus(stock.deps, stock.world.admin, { orderId: order.orderId, status: "DELIVERED" }));
    expect(error.userMessage).toBe("An order that is PENDING cannot become DELIVERED. Allowed: CONFIRMED, CANCELLED.");
  });

  it("replaces a lot that expired before dispatch FEFO, or fails naming the lot", async () => {
    const replaced = await placedOrder(
      [
        { quantity: 2, expiryDate: "2026-06-03", lotNumber: "SOON" },
        { quantity: 5, expiryDate: "2026-08-01", lotNumber: "LATER" },
      ],
      2,
    );
    const [soon, later] = replaced.lotIds as [string, string];
    clock.set(new Date("2026-06-03T10:00:00Z"));
    await setOrderStatus(stock.deps, stock.world.admin, { orderId: replaced.order.orderId, status: "CONFIRMED" });
    const dispatched = await setOrderStatus(stock.deps, stock.world.admin, { orderId: replaced.order.orderId, status: "DISPATCHED" });
    expect(dispatched.movements.map((m) => [m.lotId, m.quantity])).toEqual([[later, -2]]);
    expect(await onHand(soon)).toBe(2);
    const view = await getOrder(stock.deps, stock.world.admin, { orderId: replaced.order.orderId });
    expect(view.lines[0]?.lots.map((l) => l.lotNumber)).toEqual(["LATER"]);

    clock.set(new Date("2026-06-01T09:00:00Z"));
    const stuck = await placedOrder([{ quantity: 1, expiryDate: "2026-06-02", lotNumber: "ONLY" }], 1);
    clock.set(new Date("2026-06-02T09:00:00Z"));
    await setOrderStatus(stock.deps, stock.world.admin, { orderId: stuck.order.orderId, status: "CONFIRMED" });
    const error = await domainFailure(setOrderStatus(stock.deps, stock.world.admin, { orderId: stuck.order.orderId, status: "DISPATCHED" }));
    expect(error.userMessage).toMatch(/^Lot ONLY of .+ expired on 2026-06-02 and there is not enough other stock to replace 1 unit\(s\)\.$/);
    expect((await getOrder(stock.deps, stock.world.admin, { orderId: stuck.order.orderId })).status).toBe("CONFIRMED");
    await expectValidInventory(stock.db, clock.now());
    clock.set(new Date("2026-06-01T09:00:00Z"));
  });

  it("another producer's staff cannot see or move the order", async () => {
    const { order } = await placedOrder([{ quantity: 5 }], 1);
    const other = await stock.db.producer.create({ data: { name: "Other", slug: `other-${Date.now()}` } });
    const stranger = actorFor(await createStaff(stock.db, { role: "PRODUCER_ADMIN", producerId: other.id }));
    expect((await domainFailure(getOrder(stock.deps, stranger, { orderId: order.orderId }))).code).toBe("NOT_FOUND");
    expect((await domainFailure(setOrderStatus(stock.deps, stranger, { orderId: order.orderId, status: "CONFIRMED" }))).code).toBe("NOT_FOUND");
  });
});
