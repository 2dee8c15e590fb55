import { describe, expect, it } from "vitest";
import { checkLowStock } from "../alerts/check-low-stock.ts";
import { markLotExpiry } from "../alerts/mark-lot-expiry.ts";
import { placeOrder } from "../orders/place-order.ts";
import { setOrderStatus } from "../orders/set-order-status.ts";
import { adjustLot } from "../stock/adjust-lot.ts";
import { applyMovement } from "../stock/apply-movement.ts";
import { expireCartHolds } from "../stock/release-holds.ts";
import { reserveCart } from "../stock/reserve-cart.ts";
import { createStockWorld, domainFailure, newCartId, productWithStock, TEST_CHECKOUT, useStockWorld } from "../testing/index.ts";
import { recordWebhookEvent } from "./record-webhook-event.ts";

const s = useStockWorld();

/** A producer of its own with an endpoint subscribed to these types. */
async function listening(eventTypes: string[]) {
  const world = await createStockWorld(s.db);
  const endpoint = await s.db.webhookEndpoint.create({
    data: { producerId: world.producer.id, url: "https://93.184.215.14/h", eventTypes, secret: "whsec_dGVzdA==" },
  });
  const events = async (type?: string) =>
    s.db.webhookEvent.findMany({ where: { producerId: world.producer.id, ...(type ? { type } : {}) }, orderBy: { seq: "asc" }, include: { deliveries: true } });
  return { world, endpoint, events };
}

describe("the webhook outbox", () => {
  it("records nothing when nobody listens, and only subscribed types for the subscribed producer", async () => {
    const before = await s.db.webhookEvent.count();
    const { product, lotIds } = await productWithStock(s.deps, s.world, [{ quantity: 5 }]);
    await adjustLot(s.deps, s.world.admin, { lotId: lotIds[0] as string, change: 2, reason: "Found in the back" });
    await reserveCart(s.deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 1 }] });
    expect(await s.db.webhookEvent.count()).toBe(before);
    const other = await listening(["stock.low"]);
    await productWithStock(s.deps, other.world, [{ quantity: 5 }]);
    expect(await other.events()).toEqual([]);
  });

  it("stock.updated carries the lot's and the product's on hand and available before and after, one delivery per endpoint", async () => {
    // The trigger reads availability at the database's time: the hold must be live then too.
    s.clock.set(new Date());
    const { world, endpoint, events } = await listening(["stock.updated"]);
    const { product, lotIds } = await productWithStock(s.deps, world, [{ quantity: 10 }, { quantity: 4, locationId: world.backStore.id }]);
    await reserveCart(s.deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 3 }] });
    await adjustLot(s.deps, world.admin, { lotId: lotIds[0] as string, change: -2, reason: "Damaged in store" });
    const updates = await events("stock.updated");
    expect(updates.map((e) => e.payload)).toMatchObject([
      {
        productId: product.id,
        movementType: "RECEIPT",
        quantity: 10,
        lot: { previousOnHand: 0, newOnHand: 10 },
        product: { previousOnHand: 0, newOnHand: 10, previousAvailable: 0, newAvailable: 10 },
      },
      // The back store is not sellable: on hand rises, available does not.
      { locationId: world.backStore.id, quantity: 4, product: { previousOnHand: 10, newOnHand: 14, previousAvailable: 10, newAvailable: 10 } },
      {
        movementType: "ADJUSTMENT",
        quantity: -2,
        lot: { previousOnHand: 10, newOnHand: 8 },
        product: { previousOnHand: 14, newOnHand: 12, previousAvailable: 7, newAvailable: 5 },
      },
    ]);
    expect(updates.every((e) => e.resourceId === product.id && e.deliveries.length === 1 && e.deliveries[0]?.endpointId === endpoint.id)).toBe(true);
    expect(updates.map((e) => e.seq)).toEqual([...updates.map((e) => e.seq)].sort((a, b) => (a < b ? -1 : 1)));
    expect(updates[0]?.deliveries[0]).toMatchObject({ status: "PENDING", attempts: 0 });
  });

  it("an event is never recorded for a change that rolled back (a refused change, or a transaction that failed after it)", async () => {
    const { world, events } = await listening(["stock.updated", "purchase_order.received"]);
    const { lotIds } = await productWithStock(s.deps, world, [{ quantity: 3 }]);
    const lotId = lotIds[0] as string;
    expect((await events()).length).toBe(1);
    expect((await domainFailure(adjustLot(s.deps, world.admin, { lotId, change: -5, reason: "Damaged in store" }))).code).toBe("CONFLICT");
    await expect(
      s.db.$transaction(async (tx) => {
        await applyMovement(tx, { lotId, type: "ADJUSTMENT", quantity: -1, reason: "x", actor: "test", at: new Date() });
        expect(
          await recordWebhookEvent(tx, { producerId: world.producer.id, type: "purchase_order.received", resourceId: "po-1", payload: { lines: 1 } }),
        ).toMatch(/^[0-9a-f-]{36}$/);
        expect(await tx.webhookEvent.count({ where: { producerId: world.producer.id } })).toBe(3);
        throw new Error("something later failed");
      }),
    ).rejects.toThrow("something later failed");
    expect((await events()).map((e) => e.type)).toEqual(["stock.updated"]);
    expect(await s.db.webhookDelivery.count({ where: { producerId: world.producer.id } })).toBe(1);
    expect((await s.db.lot.findUniqueOrThrow({ where: { id: lotId } })).onHand).toBe(3);
  });

  it("hold.created and hold.expired; order.created with its lines and order.status_changed", async () => {
    const { world, events } = await listening(["hold.created", "hold.expired", "order.created", "order.status_changed"]);
    const { product } = await productWithStock(s.deps, world, [{ quantity: 10 }]);
    const cartId = newCartId();
    await reserveCart(s.deps, { cartId, lines: [{ productId: product.id, quantity: 2 }] });
    s.clock.advance(16 * 60_000);
    expect(await expireCartHolds(s.deps, { cartIds: [cartId] })).toEqual({ expired: 1 });
    const { orders } = await placeOrder(s.deps, { ...TEST_CHECKOUT, cartId: newCartId(), lines: [{ productId: product.id, quantity: 3 }] });
    const orderId = orders[0]?.orderId as string;
    await setOrderStatus(s.deps, world.admin, { orderId, status: "CONFIRMED" });
    const all = await events();
    expect(all.map((e) => e.type)).toEqual(["hold.created", "hold.expired", "hold.created", "order.created", "order.status_changed"]);
    expect(all[0]?.payload).toMatchObject({ productId: product.id, quantity: 2 });
    expect(all[1]?.resourceId).toBe(all[0]?.resourceId);
    expect(all[3]?.payload).toMatchObject({ orderId, status: "PENDING", totalCents: 3 * product.priceCents, lines: [{ productId: product.id, quantity: 3 }] });
    expect(all[4]?.payload).toMatchObject({ orderId, from: "PENDING", to: "CONFIRMED" });
  });

  it("stock.low, stock.out and stock.restored follow the low-stock alert; lot.expiring carries its band", async () => {
    const { world, events } = await listening(["stock.low", "stock.out", "stock.restored", "lot.expiring", "lot.expired"]);
    const { product, lotIds } = await productWithStock(s.deps, world, [{ quantity: 4, expiryDate: "2026-06-20" }], { minStockLevel: 5 });
    expect((await checkLowStock(s.deps, { productId: product.id })).outcome).toBe("opened");
    await adjustLot(s.deps, world.admin, { lotId: lotIds[0] as string, change: -4, reason: "Damaged in store" });
    await checkLowStock(s.deps, { productId: product.id });
    await productWithStock(s.deps, world, [], {});
    await adjustLot(s.deps, world.admin, { lotId: lotIds[0] as string, change: 9, reason: "Found in the back" });
    expect((await checkLowStock(s.deps, { productId: product.id })).outcome).toBe("resolved");
    await markLotExpiry(s.deps);
    const all = await events();
    expect(all.map((e) => e.type)).toEqual(["stock.low", "stock.out", "stock.restored", "lot.expiring"]);
    expect(all[0]?.payload).toMatchObject({ productId: product.id, available: 4, minimum: 5 });
    expect(all[2]?.payload).toMatchObject({ available: 9, status: "RESOLVED" });
    expect(all[3]?.payload).toMatchObject({ lotId: lotIds[0], band: "DAYS_30", expiryDate: "2026-06-20", onHand: 9 });
  });
});
