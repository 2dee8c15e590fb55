import { createDb } from "@stockroom/db";
import { describe, expect, it } from "vitest";
import { checkLowStock } from "../alerts/check-low-stock.ts";
import { approveCount, cancelCount, recordCount, startCount } from "../counts/index.ts";
import { placeOrder } from "../orders/place-order.ts";
import { setOrderStatus } from "../orders/set-order-status.ts";
import { receiveLot } from "../stock/receive-lot.ts";
import { reserveCart } from "../stock/reserve-cart.ts";
import { writeOffLot } from "../stock/write-off-lot.ts";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { domainFailure, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { MetricCounters } from "./metric-counters.ts";
import { computeSeedMetrics } from "./seed-metrics.ts";

const stock = useStockWorld({ maxConnections: 20 });
const metrics = () => computeSeedMetrics(stock.db, stock.clock.now());

async function order(productId: string, quantity: number) {
  const cartId = newCartId();
  const lines = [{ productId, quantity }];
  await reserveCart(stock.deps, { cartId, lines });
  return (await placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines })).orders[0]?.orderId as string;
}

async function dispatch(orderId: string, deps = stock.deps) {
  await setOrderStatus(deps, stock.world.admin, { orderId, status: "CONFIRMED" });
  return setOrderStatus(deps, stock.world.admin, { orderId, status: "DISPATCHED" });
}

describe("the seed metrics, from the database's own records", () => {
  it("expiredWasteRate: 2 expired units written off of 10 that left in 30 days -> 0.2; stockAccuracyRate is absent", async () => {
    const { product, lotIds } = await productWithStock(stock.deps, stock.world, [
      { quantity: 8, expiryDate: "2026-09-01" },
      { quantity: 2, expiryDate: "2026-06-02" },
    ]);
    // First in this file: no stock has left before it.
    expect((await metrics()).expiredWasteRate).toBeNull();
    stock.clock.advance(2 * 86_400_000);
    await writeOffLot(stock.deps, stock.world.admin, { lotId: lotIds[1] as string, quantity: 2, reason: "EXPIRED" });
    const orderId = await order(product.id, 8);
    await dispatch(orderId);
    expect(await metrics()).toMatchObject({ expiredWasteRate: 0.2, stockAccuracyRate: null });
  });

  it("stockAccuracyRate: lots matched / lots counted in counts approved in the last 30 days (an older or cancelled count is not in it)", async () => {
    const { lotIds } = await productWithStock(stock.deps, stock.world, [
      { quantity: 5, lotNumber: "ACC-1" },
      { quantity: 5, lotNumber: "ACC-2" },
    ]);
    const count = async (counts: number[]) => {
      await stock.db.countLine.updateMany({ data: { open: false } });
      const { sessionId } = await startCount(stock.deps, stock.world.admin, { producerId: stock.world.producer.id, kind: "FULL", recountUnits: 100 });
      for (const [i, quantity] of counts.entries()) await recordCount(stock.deps, stock.world.admin, { sessionId, lotId: lotIds[i] as string, quantity });
      return sessionId;
    };
    await approveCount(stock.deps, stock.world.admin, { sessionId: await count([1, 1]) }); // both differ: 0 of 2
    stock.clock.advance(31 * 86_400_000);
    expect((await metrics()).stockAccuracyRate).toBeNull();
    await approveCount(stock.deps, stock.world.admin, { sessionId: await count([1, 2]) }); // one matches (1), one does not: 1 of 2
    await approveCount(stock.deps, stock.world.admin, { sessionId: await count([1, 2]) }); // both match now: 2 of 2
    await cancelCount(stock.deps, stock.world.admin, { sessionId: await count([9, 9]), reason: "not counted" });
    expect((await metrics()).stockAccuracyRate).toBe(3 / 4);
  });

  it("reservationSuccessRate: 10 concurrent hold requests for 7 units -> 0.7, summed across two processes and a restart", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 7 }]);
    // Two "processes": each its own counters and its own connection pool.
    const second = createDb(stock.url, { maxConnections: 5 });
    const a = new MetricCounters(stock.db, () => stock.clock.now());
    const b = new MetricCounters(second, () => stock.clock.now());
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          reserveCart({ ...stock.deps, counters: i % 2 ? a : b }, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 1 }] }),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(7);
      expect(await metrics()).toMatchObject({ reservations: { succeeded: 0, refused: 0 }, reservationSuccessRate: null });
      await Promise.all([a.stop(), b.stop()]);
      expect(await metrics()).toMatchObject({ reservations: { succeeded: 7, refused: 3 }, reservationSuccessRate: 0.7 });
      // A restarted process starts from nothing in memory; the total stays, and grows.
      const restarted = new MetricCounters(stock.db, () => stock.clock.now());
      await reserveCart({ ...stock.deps, counters: restarted }, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 1 }] }).catch(() => {});
      await restarted.stop();
      expect((await metrics()).reservations).toEqual({ succeeded: 7, refused: 4 });
      // Invalid requests never reached the stock: not counted.
      const counters = new MetricCounters(stock.db);
      await domainFailure(reserveCart({ ...stock.deps, counters }, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 0 }] }));
      await counters.stop();
      expect((await metrics()).reservations).toEqual({ succeeded: 7, refused: 4 });
    } finally {
      await second.$disconnect();
    }
  });

  it("fifoComplianceRate: a lot received after the hold that expires sooner makes that dispatch non-optimal -> 1 of 2", async () => {
    // Five days on: the earlier test's dispatch is out of the 24-hour window.
    stock.clock.advance(5 * 86_400_000);
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 10, expiryDate: "2026-08-01" }]);
    const first = await order(product.id, 2);
    const second = await order(product.id, 2);
    await dispatch(first);
    await receiveLot(stock.deps, stock.world.admin, {
      productId: product.id,
      locationId: stock.world.shop.id,
      lotNumber: "SOONER",
      expiryDate: "2026-07-01",
      quantity: 5,
    });
    await dispatch(second);
    const lines = await stock.db.orderLine.findMany({ where: { orderId: { in: [first, second] } }, select: { orderId: true, fefoOptimal: true } });
    expect(Object.fromEntries(lines.map((l) => [l.orderId, l.fefoOptimal]))).toEqual({ [first]: true, [second]: false });
    expect((await metrics()).fifoComplianceRate).toBe(0.5);
  });

  it("oversellIncidents: an order whose lot expired with nothing to replace it cannot be dispatched -> 1", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 3, expiryDate: "2026-06-03" }]);
    const orderId = await order(product.id, 3);
    const counters = new MetricCounters(stock.db);
    stock.clock.advance(3 * 86_400_000);
    await setOrderStatus(stock.deps, stock.world.admin, { orderId, status: "CONFIRMED" });
    const error = await domainFailure(setOrderStatus({ ...stock.deps, counters }, stock.world.admin, { orderId, status: "DISPATCHED" }));
    expect(error.code).toBe("CONFLICT");
    await counters.stop();
    expect((await metrics()).oversellIncidents).toBe(1);
  });

  it("stockoutIncidents: a low-stock episode reaching 0 counts once; lowStockAlertDeliveryRate: 3 of 4 due notices sent -> 0.75", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 4 }], { minStockLevel: 5 });
    await checkLowStock(stock.deps, { productId: product.id });
    expect((await metrics()).stockoutIncidents).toBe(0);
    await order(product.id, 4);
    await checkLowStock(stock.deps, { productId: product.id });
    await checkLowStock(stock.deps, { productId: product.id });
    expect(await metrics()).toMatchObject({ stockoutIncidents: 1, productsOutOfStock: 1 });

    await stock.db.notification.deleteMany({});
    const due = new Date(stock.clock.now().getTime() - 3_600_000);
    for (const [i, status] of (["SENT", "SENT", "SENT", "FAILED", "PENDING"] as const).entries()) {
      // The last one is not due yet (created a minute ago): not counted.
      const createdAt = i === 4 ? new Date(stock.clock.now().getTime() - 60_000) : due;
      await stock.db.notification.create({
        data: { dedupeKey: `m-${i}`, channel: "EMAIL", recipient: "a@b.test", template: "low-stock", body: "x", status, createdAt },
      });
    }
    expect((await metrics()).lowStockAlertDeliveryRate).toBe(0.75);
  });
});
