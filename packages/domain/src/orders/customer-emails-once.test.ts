import { describe, expect, it } from "vitest";
import { reserveCart } from "../stock/reserve-cart.ts";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { domainFailure, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { placeOrder } from "./place-order.ts";
import { setOrderStatus } from "./set-order-status.ts";
import { transitionOrder } from "./transition-order.ts";

const stock = useStockWorld({ maxConnections: 14 });

async function placed() {
  const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 10 }]);
  const cartId = newCartId();
  const lines = [{ productId: product.id, quantity: 1 }];
  await reserveCart(stock.deps, { cartId, lines });
  const { orders } = await placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines });
  return (orders[0] as { orderId: string }).orderId;
}

const templatesOf = async (orderId: string) =>
  (await stock.db.notification.findMany({ where: { dedupeKey: { startsWith: `order-email:${orderId}:` } } })).map((n) => n.template).sort();
const sendJobsOf = async (orderId: string) => {
  const [row] = await stock.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job j JOIN "Notification" n ON n.id::text = j.data->>'notificationId'
    WHERE j.name = 'notifications.send' AND n."dedupeKey" LIKE ${`order-email:${orderId}:%`}`;
  return row?.n;
};

describe("customer order emails: exactly one per transition", () => {
  it("sending the same status again creates no second email nor job", async () => {
    const orderId = await placed();
    for (let i = 0; i < 3; i++) await setOrderStatus(stock.deps, stock.world.admin, { orderId, status: "CONFIRMED" });
    expect(await templatesOf(orderId)).toEqual(["order.confirmed", "order.placed"]);
    expect(await sendJobsOf(orderId)).toBe(2);
  });

  it("10 concurrent identical status calls over real connections: one email per transition", async () => {
    const orderId = await placed();
    for (const status of ["CONFIRMED", "DISPATCHED"] as const) {
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => setOrderStatus(stock.deps, stock.world.admin, { orderId, status })));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    }
    expect(await templatesOf(orderId)).toEqual(["order.confirmed", "order.dispatched", "order.placed"]);
    expect(await sendJobsOf(orderId)).toBe(3);
  });

  it("a refused transition and a rolled-back one create none", async () => {
    const orderId = await placed();
    const refused = await domainFailure(setOrderStatus(stock.deps, stock.world.admin, { orderId, status: "DELIVERED" }));
    expect(refused.code).toBe("CONFLICT");
    await expect(
      stock.db.$transaction(async (tx) => {
        await transitionOrder(stock.deps, tx, { orderId, status: "CANCELLED", reason: "test", actor: "system:test", channel: "WORKER" });
        throw new Error("roll back after the change");
      }),
    ).rejects.toThrow("roll back after the change");
    expect((await stock.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PENDING");
    expect(await templatesOf(orderId)).toEqual(["order.placed"]);
    expect(await sendJobsOf(orderId)).toBe(1);
  });

  it("an order without a customer email gets none (only the email from when it had one)", async () => {
    const orderId = await placed();
    await stock.db.order.update({ where: { id: orderId }, data: { customerEmail: null } });
    for (const status of ["CONFIRMED", "DISPATCHED", "DELIVERED"] as const) await setOrderStatus(stock.deps, stock.world.admin, { orderId, status });
    expect((await stock.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("DELIVERED");
    expect(await templatesOf(orderId)).toEqual(["order.placed"]);
  });

  it("deps that do not mail customers (the demo's simulated past) queue none", async () => {
    const quiet = { ...stock.deps, isMailingCustomers: false };
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 10 }]);
    const cartId = newCartId();
    const lines = [{ productId: product.id, quantity: 1 }];
    await reserveCart(quiet, { cartId, lines });
    const orderId = (await placeOrder(quiet, { ...TEST_CHECKOUT, cartId, lines })).orders[0]?.orderId as string;
    await setOrderStatus(quiet, stock.world.admin, { orderId, status: "CONFIRMED" });
    expect(await templatesOf(orderId)).toEqual([]);
  });
});
