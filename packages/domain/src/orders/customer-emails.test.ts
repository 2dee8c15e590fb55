import { describe, expect, it } from "vitest";
import type { Deps } from "../deps.ts";
import { reserveCart } from "../stock/reserve-cart.ts";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { expirePendingOrders } from "./expire-pending-orders.ts";
import { placeOrder } from "./place-order.ts";
import { setOrderStatus } from "./set-order-status.ts";

const stock = useStockWorld();
const deps = (): Deps => ({ ...stock.deps, publicUrl: "https://shop.example/" });

async function placed(fulfilment: (typeof TEST_CHECKOUT)["fulfilment"] | { method: "COLLECTION"; locationIds: string[] } = TEST_CHECKOUT.fulfilment) {
  const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 10 }], { name: "Rosehip oil", priceCents: 1250 });
  const cartId = newCartId();
  const lines = [{ productId: product.id, quantity: 2 }];
  await reserveCart(stock.deps, { cartId, lines });
  const { orders } = await placeOrder(deps(), { ...TEST_CHECKOUT, fulfilment, cartId, lines });
  const order = orders[0] as { orderId: string; reference: string };
  return { orderId: order.orderId, reference: order.reference };
}

const emailsOf = (orderId: string) =>
  stock.db.notification.findMany({ where: { dedupeKey: { startsWith: `order-email:${orderId}:` } }, orderBy: { createdAt: "asc" } });
const emailFor = async (orderId: string, template: string) => {
  const found = (await emailsOf(orderId)).filter((n) => n.template === template);
  expect(found).toHaveLength(1);
  return found[0] as NonNullable<(typeof found)[0]>;
};

describe("customer order emails", () => {
  it("placing queues 'order received' to the customer with lines, total, reference, delivery address and the order link, and its send job", async () => {
    const { orderId, reference } = await placed();
    const producer = stock.world.producer.name;
    const mail = await emailFor(orderId, "order.placed");
    expect(mail).toMatchObject({
      channel: "EMAIL",
      recipient: "wes@example.test",
      status: "PENDING",
      producerId: stock.world.producer.id,
      sendAfter: stock.clock.now(),
    });
    expect(mail.subject).toBe(`We have received your ${producer} order ${reference}`);
    expect(mail.body).toContain("Hello Wes Tester,");
    expect(mail.body).toContain("2 x Rosehip oil  £25.00");
    expect(mail.body).toContain("Total: £25.00");
    expect(mail.body).toContain("Delivery to:\n  1 Test Street\n  Bristol BS1 4DJ\n  GB");
    expect(mail.body).toContain(`See your order: https://shop.example/orders/${orderId}`);
    const [jobs] = await stock.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notifications.send' AND data->>'notificationId' = ${mail.id}`;
    expect(jobs?.n).toBe(1);
  });

  it("confirmed, dispatched (with the delivery address) and delivered: one email each", async () => {
    const { orderId, reference } = await placed();
    const producer = stock.world.producer.name;
    for (const status of ["CONFIRMED", "DISPATCHED", "DELIVERED"] as const) await setOrderStatus(deps(), stock.world.admin, { orderId, status });
    expect((await emailsOf(orderId)).map((n) => n.template).sort()).toEqual(["order.confirmed", "order.delivered", "order.dispatched", "order.placed"]);
    expect((await emailFor(orderId, "order.confirmed")).subject).toBe(`Your ${producer} order ${reference} is confirmed`);
    const dispatched = await emailFor(orderId, "order.dispatched");
    expect(dispatched.subject).toBe(`Your ${producer} order ${reference} has been dispatched`);
    expect(dispatched.body).toContain("Delivery to:\n  1 Test Street\n  Bristol BS1 4DJ\n  GB");
    const delivered = await emailFor(orderId, "order.delivered");
    expect(delivered.subject).toBe(`Your ${producer} order ${reference} has been delivered`);
    expect(delivered.body).toContain(`https://shop.example/orders/${orderId}`);
  });

  it("collection: 'order received' names the collection point, dispatched says ready to collect from it, delivered says collected", async () => {
    const { orderId, reference } = await placed({ method: "COLLECTION", locationIds: [stock.world.shop.id] });
    const producer = stock.world.producer.name;
    expect((await emailFor(orderId, "order.placed")).body).toContain("Collection from: Shop");
    for (const status of ["CONFIRMED", "DISPATCHED", "DELIVERED"] as const) await setOrderStatus(deps(), stock.world.admin, { orderId, status });
    const ready = await emailFor(orderId, "order.dispatched");
    expect(ready.subject).toBe(`Your ${producer} order ${reference} is ready to collect`);
    expect(ready.body).toContain(`Your order ${reference} is ready to collect from Shop.`);
    expect(ready.body).not.toContain("Delivery to:");
    const collected = await emailFor(orderId, "order.delivered");
    expect(collected.subject).toBe(`Your ${producer} order ${reference} has been collected`);
  });

  it("cancelled by staff carries the reason; cancelled by the worker's expiry carries its own", async () => {
    const byStaff = await placed();
    await setOrderStatus(deps(), stock.world.admin, { orderId: byStaff.orderId, status: "CANCELLED", reason: "Out of stock at the farm" });
    const staffMail = await emailFor(byStaff.orderId, "order.cancelled");
    expect(staffMail.subject).toBe(`Your ${stock.world.producer.name} order ${byStaff.reference} has been cancelled`);
    expect(staffMail.body).toContain("Reason: Out of stock at the farm");

    const expired = await placed();
    stock.clock.advance(49 * 3_600_000);
    await expirePendingOrders(deps(), { ttlHours: 48 });
    expect((await emailFor(expired.orderId, "order.cancelled")).body).toContain("Reason: Not confirmed within 48 hours");
  });
});
