import { describe, expect, it } from "vitest";
import { placeOrder } from "../orders/place-order.ts";
import { newCartId, productWithStock, TEST_CHECKOUT, useStockWorld } from "../testing/index.ts";
import { updateAlertSettings } from "./alert-settings.ts";
import { notifyNewOrder } from "./new-order-alert.ts";

// 09:00 UTC: inside quiet hours 8-10, outside 22-6.
const stock = useStockWorld({ start: "2026-06-01T09:00:00Z" });

async function setAlerts(change: { newOrderAlerts?: boolean; quietHoursStartHour?: number | null; quietHoursEndHour?: number | null }) {
  await updateAlertSettings(stock.deps, stock.world.admin, {
    producerId: stock.world.producer.id,
    emailRecipients: ["owner@shop.test"],
    smsRecipients: ["+447700900123"],
    whatsappRecipients: [],
    lowStockChannels: ["EMAIL", "SMS"],
    escalationChannels: [],
    expiryChannels: [],
    quietHoursStartHour: null,
    quietHoursEndHour: null,
    ...change,
  });
}

/** An order of 3 units: 2 × £4.20 and 1 × £4.00 = £12.40. */
async function placed() {
  const a = await productWithStock(stock.deps, stock.world, [{ quantity: 5 }], { priceCents: 420 });
  const b = await productWithStock(stock.deps, stock.world, [{ quantity: 5 }], { priceCents: 400 });
  const lines = [
    { productId: a.product.id, quantity: 2 },
    { productId: b.product.id, quantity: 1 },
  ];
  const { orders } = await placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId: newCartId(), lines });
  return orders[0] as NonNullable<(typeof orders)[number]>;
}

const alertsOf = (orderId: string) =>
  stock.db.notification.findMany({ where: { dedupeKey: { startsWith: `order.new:${orderId}:` } }, orderBy: { channel: "asc" } });

describe("new-order alerts", () => {
  it("placing an order queues one alert job in its transaction; the job notifies each recipient once, even when run twice", async () => {
    await setAlerts({});
    const order = await placed();
    const jobs = await stock.db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM pgboss.job WHERE name = 'orders.new-order-alert' AND data->>'orderId' = ${order.orderId}`;
    expect(jobs[0]?.n).toBe(1);
    expect(await notifyNewOrder(stock.deps, { orderId: order.orderId })).toEqual({ outcome: "sent", notifications: 2 });
    expect(await notifyNewOrder(stock.deps, { orderId: order.orderId })).toEqual({ outcome: "already-sent", notifications: 0 });
    const sent = await alertsOf(order.orderId);
    expect(sent.map((n) => [n.channel, n.recipient, n.template])).toEqual([
      ["EMAIL", "owner@shop.test", "order.new"],
      ["SMS", "+447700900123", "order.new"],
    ]);
    expect(sent[0]?.subject).toBe(`New order ${order.reference}: 3 items, £12.40`);
    expect(sent[0]?.sendAfter?.toISOString()).toBe("2026-06-01T09:00:00.000Z");
  });

  it("waits for the end of quiet hours", async () => {
    await setAlerts({ quietHoursStartHour: 8, quietHoursEndHour: 10 });
    const order = await placed();
    await notifyNewOrder(stock.deps, { orderId: order.orderId });
    const sent = await alertsOf(order.orderId);
    expect(sent.map((n) => n.sendAfter?.toISOString())).toEqual(["2026-06-01T10:00:00.000Z", "2026-06-01T10:00:00.000Z"]);
  });

  it("sends nothing for an order placed more than 24 hours ago (a backlog is not news)", async () => {
    await setAlerts({});
    const order = await placed();
    stock.clock.advance(24 * 3_600_000 + 1_000);
    expect(await notifyNewOrder(stock.deps, { orderId: order.orderId })).toEqual({ outcome: "stale", notifications: 0 });
    expect(await alertsOf(order.orderId)).toEqual([]);
  });

  it("sends nothing when the producer switched new-order alerts off", async () => {
    await setAlerts({ newOrderAlerts: false });
    const order = await placed();
    expect(await notifyNewOrder(stock.deps, { orderId: order.orderId })).toEqual({ outcome: "switched-off", notifications: 0 });
    expect(await alertsOf(order.orderId)).toEqual([]);
  });
});
