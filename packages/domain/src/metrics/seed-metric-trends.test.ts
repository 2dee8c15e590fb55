import { describe, expect, it } from "vitest";
import { checkLowStock } from "../alerts/check-low-stock.ts";
import { placeOrder } from "../orders/place-order.ts";
import { setOrderStatus } from "../orders/set-order-status.ts";
import { reserveCart } from "../stock/reserve-cart.ts";
import { writeOffLot } from "../stock/write-off-lot.ts";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { COUNTERS } from "./metric-counters.ts";
import { seedMetricTrends } from "./seed-metric-trends.ts";

const stock = useStockWorld();
const DAY = 86_400_000;

async function order(productId: string, quantity: number) {
  const cartId = newCartId();
  const lines = [{ productId, quantity }];
  await reserveCart(stock.deps, { cartId, lines });
  return (await placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines })).orders[0]?.orderId as string;
}

describe("seedMetricTrends: the seed metrics per UTC day", () => {
  it("buckets each record by its own day; a day with nothing to measure is null, not 0 or 1", async () => {
    const counter = (day: string, name: string, value: number) => stock.db.metricCounter.create({ data: { day: new Date(`${day}T00:00:00Z`), name, value } });
    await counter("2026-06-01", COUNTERS.reservationSucceeded, 3);
    await counter("2026-06-01", COUNTERS.reservationRefused, 1);
    await counter("2026-06-02", COUNTERS.reservationSucceeded, 2);
    await counter("2026-06-03", COUNTERS.fulfilmentShort, 1);

    // 06-01: 2 expired units written off, nothing else left -> waste 2/2.
    const { product, lotIds } = await productWithStock(stock.deps, stock.world, [
      { quantity: 8, expiryDate: "2026-09-01" },
      { quantity: 2, expiryDate: "2026-05-31" },
    ]);
    await writeOffLot(stock.deps, stock.world.admin, { lotId: lotIds[1] as string, quantity: 2, reason: "EXPIRED" });

    // 06-02: 8 units dispatched on one FEFO-optimal line -> waste 0/8, FEFO 1/1; 2 of 3 low-stock notices delivered.
    stock.clock.advance(DAY);
    const orderId = await order(product.id, 8);
    await setOrderStatus(stock.deps, stock.world.admin, { orderId, status: "CONFIRMED" });
    await setOrderStatus(stock.deps, stock.world.admin, { orderId, status: "DISPATCHED" });
    for (const [i, status] of (["SENT", "OUTBOX", "FAILED"] as const).entries())
      await stock.db.notification.create({
        data: {
          dedupeKey: `t-${i}`,
          channel: "EMAIL",
          recipient: "a@b.test",
          template: "low-stock",
          body: "x",
          status,
          createdAt: new Date("2026-06-02T10:00:00Z"),
        },
      });

    // 06-03: a low-stock episode reaches 0 (its notices are not due yet at 09:00).
    stock.clock.advance(DAY);
    const { product: scarce } = await productWithStock(stock.deps, stock.world, [{ quantity: 4 }], { minStockLevel: 5 });
    await checkLowStock(stock.deps, { productId: scarce.id });
    await order(scarce.id, 4);
    await checkLowStock(stock.deps, { productId: scarce.id });
    // 06-02: two approved counts, 5 of 8 lots matched; a cancelled one does not count.
    const counted = (status: "APPROVED" | "CANCELLED", countedLots: number, matchedLots: number) =>
      stock.db.countSession.create({
        data: {
          producerId: stock.world.producer.id,
          kind: "FULL",
          status,
          startedAt: new Date("2026-06-02T08:00:00Z"),
          startedBy: stock.world.admin.staffId,
          closedAt: new Date("2026-06-02T11:00:00Z"),
          countedLots,
          matchedLots,
        },
      });
    await counted("APPROVED", 4, 3);
    await counted("APPROVED", 4, 2);
    await counted("CANCELLED", 4, 0);

    const none = {
      reservationSuccessRate: null,
      oversellIncidents: 0,
      lowStockAlertDeliveryRate: null,
      stockoutIncidents: 0,
      expiredWasteRate: null,
      fifoComplianceRate: null,
      stockAccuracyRate: null,
    };
    expect(await seedMetricTrends(stock.deps, { days: 4 })).toEqual([
      { day: "2026-05-31", ...none },
      { day: "2026-06-01", ...none, reservationSuccessRate: 0.75, expiredWasteRate: 1 },
      {
        day: "2026-06-02",
        ...none,
        reservationSuccessRate: 1,
        lowStockAlertDeliveryRate: 2 / 3,
        expiredWasteRate: 0,
        fifoComplianceRate: 1,
        stockAccuracyRate: 5 / 8,
      },
      { day: "2026-06-03", ...none, oversellIncidents: 1, stockoutIncidents: 1 },
    ]);
    expect((await seedMetricTrends(stock.deps, { days: 14 })).map((d) => d.day).slice(-2)).toEqual(["2026-06-02", "2026-06-03"]);
  });
});
