import { describe, expect, it } from "vitest";
import { reserveCart } from "../stock/reserve-cart.ts";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { actorFor, createStaff, domainFailure, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { addOrderNote } from "./add-order-note.ts";
import { expirePendingOrders } from "./expire-pending-orders.ts";
import { getCartOrder, getOrder } from "./get-orders.ts";
import { placeOrder } from "./place-order.ts";
import { setOrderStatus } from "./set-order-status.ts";

const stock = useStockWorld({ maxConnections: 10 });

async function placed() {
  const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 10 }]);
  const cartId = newCartId();
  const lines = [{ productId: product.id, quantity: 1 }];
  await reserveCart(stock.deps, { cartId, lines });
  const { orders } = await placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines });
  return { cartId, orderId: orders[0]?.orderId as string };
}

describe("an order's timeline", () => {
  it("records who moved it, when, and from which channel; repeating a status adds nothing", async () => {
    const { orderId } = await placed();
    const staff = actorFor(await createStaff(stock.db, { role: "PRODUCER_STAFF", producerId: stock.world.producer.id }));
    stock.clock.advance(60_000);
    await setOrderStatus(stock.deps, staff, { orderId, status: "CONFIRMED" });
    await setOrderStatus(stock.deps, staff, { orderId, status: "CONFIRMED" });
    stock.clock.advance(60_000);
    await setOrderStatus(stock.deps, stock.world.admin, { orderId, status: "DISPATCHED" }, "API");
    const view = await getOrder(stock.deps, stock.world.admin, { orderId });
    expect(view.events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.actorName, e.channel])).toEqual([
      ["PLACED", null, "PENDING", "Wes Tester", "STOREFRONT"],
      ["STATUS", "PENDING", "CONFIRMED", staff.name, "ADMIN"],
      ["STATUS", "CONFIRMED", "DISPATCHED", stock.world.admin.name, "API"],
    ]);
    const times = view.events.map((e) => Date.parse(e.at));
    expect(times.map((t) => t - (times[0] ?? 0))).toEqual([0, 60_000, 120_000]);
  });

  it("the worker's expiry is on the timeline with its reason; the customer sees it without staff names", async () => {
    const { orderId, cartId } = await placed();
    stock.clock.advance(49 * 3_600_000);
    await expirePendingOrders(stock.deps, { ttlHours: 48 });
    const customerView = await getCartOrder(stock.deps, { cartId, orderId });
    expect(customerView.events.at(-1)).toMatchObject({ kind: "STATUS", toStatus: "CANCELLED", channel: "WORKER", body: "Not confirmed within 48 hours" });
  });

  it("internal notes are on the staff's timeline only, and a stranger's note is NOT_FOUND", async () => {
    const { orderId, cartId } = await placed();
    await setOrderStatus(stock.deps, stock.world.admin, { orderId, status: "CONFIRMED" });
    stock.clock.advance(1_000);
    await addOrderNote(stock.deps, stock.world.admin, { orderId, body: "  Leave with the neighbour at no. 3 " });
    const staffView = await getOrder(stock.deps, stock.world.admin, { orderId });
    expect(staffView.events.at(-1)).toMatchObject({ kind: "NOTE", body: "Leave with the neighbour at no. 3", actorName: stock.world.admin.name });
    const customerView = await getCartOrder(stock.deps, { cartId, orderId });
    expect(customerView.events.map((e) => e.kind)).toEqual(["PLACED", "STATUS"]);
    expect(customerView.events[1]?.actorName).toBeNull();

    const other = await stock.db.producer.create({ data: { name: "Other", slug: `other-${orderId.slice(0, 8)}` } });
    const stranger = actorFor(await createStaff(stock.db, { role: "PRODUCER_ADMIN", producerId: other.id }));
    expect((await domainFailure(addOrderNote(stock.deps, stranger, { orderId, body: "hi" }))).code).toBe("NOT_FOUND");
    expect((await domainFailure(addOrderNote(stock.deps, stock.world.admin, { orderId, body: " " }))).fields?.body).toBe("Note cannot be empty.");
    expect(await stock.db.orderEvent.count({ where: { orderId, kind: "NOTE" } })).toBe(1);
  });
});
