import { describe, expect, it } from "vitest";
import { availabilityOf } from "../stock/availability.ts";
import { reserveCart } from "../stock/reserve-cart.ts";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { domainFailure, expectValidInventory, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { expirePendingOrders } from "./expire-pending-orders.ts";
import { placeOrder } from "./place-order.ts";
import { setOrderStatus } from "./set-order-status.ts";

const stock = useStockWorld({ maxConnections: 12 });
const { clock } = stock;
const HOUR = 3_600_000;

async function placed(quantity: number, onHand = 10) {
  const { product, lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: onHand }]);
  const cartId = newCartId();
  const lines = [{ productId: product.id, quantity }];
  await reserveCart(stock.deps, { cartId, lines });
  const { orders } = await placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines });
  return { product, lotId: lotIds[0] as string, orderId: (orders[0] as { orderId: string }).orderId };
}

const orderOf = (id: string) => stock.db.order.findUniqueOrThrow({ where: { id } });
const reservedOf = async (lotId: string) => (await stock.db.lot.findUniqueOrThrow({ where: { id: lotId } })).reserved;

describe("PENDING order expiry", () => {
  it("cancels a PENDING order older than the TTL, releases its units once and records the reason; younger ones stay", async () => {
    const old = await placed(4);
    clock.advance(2 * HOUR);
    const young = await placed(3);
    clock.advance(46 * HOUR + 1_000);
    expect(await expirePendingOrders(stock.deps, { ttlHours: 48 })).toEqual({ cancelled: 1 });
    const cancelled = await orderOf(old.orderId);
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: "Not confirmed within 48 hours", cancelledAt: clock.now() });
    expect(await reservedOf(old.lotId)).toBe(0);
    expect((await availabilityOf(stock.deps, [old.product.id])).get(old.product.id)).toBe(10);
    expect((await orderOf(young.orderId)).status).toBe("PENDING");
    expect(await reservedOf(young.lotId)).toBe(3);
    // A second run finds nothing: no double release.
    expect(await expirePendingOrders(stock.deps, { ttlHours: 48 })).toEqual({ cancelled: 0 });
    expect(await reservedOf(old.lotId)).toBe(0);
    await expectValidInventory(stock.db, clock.now());
  });

  it("names the configured hours and leaves CONFIRMED orders alone", async () => {
    const pending = await placed(2);
    const confirmed = await placed(5);
    await setOrderStatus(stock.deps, stock.world.admin, { orderId: confirmed.orderId, status: "CONFIRMED" });
    clock.advance(6 * HOUR);
    expect(await expirePendingOrders(stock.deps, { ttlHours: 6 })).toEqual({ cancelled: 1 });
    expect((await orderOf(pending.orderId)).cancelReason).toBe("Not confirmed within 6 hours");
    expect(await orderOf(confirmed.orderId)).toMatchObject({ status: "CONFIRMED", cancelReason: null });
    expect(await reservedOf(confirmed.lotId)).toBe(5);
    await expectValidInventory(stock.db, clock.now());
  });

  it("racing a staff CONFIRM on the same orders: exactly one wins each time, units released at most once", async () => {
    const orders = await Promise.all(Array.from({ length: 8 }, () => placed(3, 5)));
    clock.advance(49 * HOUR);
    const [expiry, ...confirms] = await Promise.allSettled([
      expirePendingOrders(stock.deps, { ttlHours: 48 }),
      ...orders.map((o) => setOrderStatus(stock.deps, stock.world.admin, { orderId: o.orderId, status: "CONFIRMED" })),
    ]);
    if (expiry?.status !== "fulfilled") throw expiry?.reason;
    let confirmedCount = 0;
    for (const [i, o] of orders.entries()) {
      const order = await orderOf(o.orderId);
      const confirm = confirms[i];
      if (order.status === "CONFIRMED") {
        confirmedCount += 1;
        expect(confirm?.status).toBe("fulfilled");
        expect(await reservedOf(o.lotId)).toBe(3);
      } else {
        expect(order.status).toBe("CANCELLED");
        expect(confirm?.status).toBe("rejected");
        if (confirm?.status === "rejected") expect((await domainFailure(Promise.reject(confirm.reason))).code).toBe("CONFLICT");
        expect(await reservedOf(o.lotId)).toBe(0);
      }
    }
    expect(expiry.value.cancelled).toBe(orders.length - confirmedCount);
    await expectValidInventory(stock.db, clock.now());
  });

  it("staff may give a reason when cancelling; it is kept and bounded", async () => {
    const { orderId } = await placed(1);
    await setOrderStatus(stock.deps, stock.world.admin, { orderId, status: "CANCELLED", reason: "  Customer asked  " });
    expect((await orderOf(orderId)).cancelReason).toBe("Customer asked");
    const tooLong = await domainFailure(setOrderStatus(stock.deps, stock.world.admin, { orderId, status: "CANCELLED", reason: "x".repeat(301) }));
    expect(tooLong.code).toBe("VALIDATION_FAILED");
    expect(tooLong.fields).toEqual({ reason: "Reason must be at most 300 characters." });
  });
});
