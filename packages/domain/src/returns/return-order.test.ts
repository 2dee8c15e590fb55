import { describe, expect, it } from "vitest";
import { getCartOrder, getOrder } from "../orders/get-orders.ts";
import { placeOrder } from "../orders/place-order.ts";
import { setOrderStatus } from "../orders/set-order-status.ts";
import { availabilityOf } from "../stock/availability.ts";
import { reserveCart } from "../stock/reserve-cart.ts";
import { actorFor, createStaff, domainFailure, expectValidInventory, newCartId, productWithStock, TEST_CHECKOUT, useStockWorld } from "../testing/index.ts";
import { returnOrder } from "./return-order.ts";

const stock = useStockWorld({ maxConnections: 12 });

/** A DELIVERED order of `quantity` units of a new product with one lot of `onHand`. */
async function deliveredOrder(quantity: number, onHand = 10, customerEmail?: string) {
  const { product, lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: onHand, unitCostCents: 250 }]);
  const cartId = newCartId();
  const lines = [{ productId: product.id, quantity }];
  await reserveCart(stock.deps, { cartId, lines });
  const customer = { ...TEST_CHECKOUT.customer, email: customerEmail ?? TEST_CHECKOUT.customer.email };
  const { orders } = await placeOrder(stock.deps, { ...TEST_CHECKOUT, customer, cartId, lines });
  const orderId = orders[0]?.orderId as string;
  for (const status of ["CONFIRMED", "DELIVERED"] as const) await setOrderStatus(stock.deps, stock.world.admin, { orderId, status });
  const order = await getOrder(stock.deps, stock.world.admin, { orderId });
  const line = order.lines[0] as (typeof order.lines)[number];
  return { product, lotId: lotIds[0] as string, orderId, orderLineId: line.id, cartId };
}

const onHand = async (lotId: string) => (await stock.db.lot.findUniqueOrThrow({ where: { id: lotId } })).onHand;

describe("returning delivered units", () => {
  it("RESTOCK writes a RETURN movement into the delivered lot and makes the units sellable again", async () => {
    const { product, lotId, orderId, orderLineId, cartId } = await deliveredOrder(3);
    expect(await onHand(lotId)).toBe(7);
    const result = await returnOrder(stock.deps, stock.world.admin, {
      orderId,
      reason: "Wrong size",
      lines: [{ orderLineId, lotId, quantity: 2, disposition: "RESTOCK" }],
    });
    expect(result.movements).toMatchObject([{ type: "RETURN", quantity: 2, previousOnHand: 7, newOnHand: 9, lotId }]);
    expect(result.costCents).toBe(0);
    expect((await availabilityOf(stock.deps, [product.id])).get(product.id)).toBe(9);
    const view = await getOrder(stock.deps, stock.world.admin, { orderId });
    expect(view.returns).toMatchObject([
      { reason: "Wrong size", by: stock.world.admin.name, lines: [{ orderLineId, lotId, lotNumber: "LOT-1", quantity: 2, disposition: "RESTOCK" }] },
    ]);
    // The customer sees the shop's name, not the staff member's.
    expect((await getCartOrder(stock.deps, { cartId, orderId })).returns[0]?.by).toBe(stock.world.producer.name);
    await expectValidInventory(stock.db, stock.clock.now());
  });

  it("WRITE_OFF records the units coming back, then a WRITE_OFF at the lot's cost; on hand is unchanged", async () => {
    const { lotId, orderId, orderLineId } = await deliveredOrder(4);
    const result = await returnOrder(stock.deps, stock.world.admin, {
      orderId,
      reason: "Damaged in transit",
      lines: [{ orderLineId, lotId, quantity: 3, disposition: "WRITE_OFF" }],
    });
    expect(result.movements.map((m) => [m.type, m.quantity, m.newOnHand])).toEqual([
      ["RETURN", 3, 9],
      ["WRITE_OFF", -3, 6],
    ]);
    expect(result.costCents).toBe(750);
    expect(await onHand(lotId)).toBe(6);
    await expectValidInventory(stock.db, stock.clock.now());
  });

  it("refuses more than was delivered minus what came back already, naming the field; nothing changes", async () => {
    const { lotId, orderId, orderLineId } = await deliveredOrder(3);
    await returnOrder(stock.deps, stock.world.admin, { orderId, reason: "x", lines: [{ orderLineId, lotId, quantity: 2, disposition: "RESTOCK" }] });
    const error = await domainFailure(
      returnOrder(stock.deps, stock.world.admin, { orderId, reason: "x", lines: [{ orderLineId, lotId, quantity: 2, disposition: "RESTOCK" }] }),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields).toEqual({ "lines.0.quantity": "at most 1" });
    expect(await onHand(lotId)).toBe(9);
    expect(await stock.db.orderReturn.count({ where: { orderId } })).toBe(1);
  });

  it("refuses a lot that the line was not delivered from, and a bad quantity, naming the field", async () => {
    const { orderId, orderLineId } = await deliveredOrder(1);
    const other = await productWithStock(stock.deps, stock.world, [{ quantity: 1 }]);
    const wrongLot = await domainFailure(
      returnOrder(stock.deps, stock.world.admin, {
        orderId,
        reason: "x",
        lines: [{ orderLineId, lotId: other.lotIds[0] as string, quantity: 1, disposition: "RESTOCK" }],
      }),
    );
    expect(wrongLot.fields).toEqual({ "lines.0.lotId": "not delivered on this order line" });
    const zero = await domainFailure(
      returnOrder(stock.deps, stock.world.admin, { orderId, reason: " ", lines: [{ orderLineId, lotId: orderLineId, quantity: 0, disposition: "RESTOCK" }] }),
    );
    expect(zero.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(zero.fields ?? {}).sort()).toEqual(["lines.0.quantity", "reason"]);
  });

  it("refuses an order that is not DELIVERED, and another producer's order is NOT_FOUND", async () => {
    const { product, lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 5 }]);
    const cartId = newCartId();
    const { orders } = await placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines: [{ productId: product.id, quantity: 1 }] });
    const orderId = orders[0]?.orderId as string;
    const order = await getOrder(stock.deps, stock.world.admin, { orderId });
    const lines = [{ orderLineId: order.lines[0]?.id as string, lotId: lotIds[0] as string, quantity: 1, disposition: "RESTOCK" as const }];
    const pending = await domainFailure(returnOrder(stock.deps, stock.world.admin, { orderId, reason: "x", lines }));
    expect(pending.code).toBe("CONFLICT");
    expect(pending.fields).toEqual({ orderId: "not delivered" });
    const stranger = await createStaff(stock.db, {
      role: "PRODUCER_ADMIN",
      producerId: (await stock.db.producer.create({ data: { name: "B", slug: `b-${cartId}` } })).id,
    });
    expect((await domainFailure(returnOrder(stock.deps, actorFor(stranger), { orderId, reason: "x", lines }))).code).toBe("NOT_FOUND");
  });

  it("write-off needs stock.writeOff: producer staff may restock but not write off", async () => {
    const { lotId, orderId, orderLineId } = await deliveredOrder(2);
    const staff = actorFor(await createStaff(stock.db, { role: "PRODUCER_STAFF", producerId: stock.world.producer.id }));
    const line = { orderLineId, lotId, quantity: 1 };
    const refused = await domainFailure(returnOrder(stock.deps, staff, { orderId, reason: "x", lines: [{ ...line, disposition: "WRITE_OFF" }] }));
    expect(refused.code).toBe("FORBIDDEN");
    const done = await returnOrder(stock.deps, staff, { orderId, reason: "x", lines: [{ ...line, disposition: "RESTOCK" }] });
    expect(done.movements).toHaveLength(1);
  });
});
