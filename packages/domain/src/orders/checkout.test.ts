import { describe, expect, it } from "vitest";
import { reserveCart } from "../stock/reserve-cart.ts";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { createStockWorld, domainFailure, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { listCollectionPoints } from "./collection-points.ts";
import { getCartOrder } from "./get-orders.ts";
import { placeOrder } from "./place-order.ts";

const stock = useStockWorld({ maxConnections: 10 });

async function cartOf(quantity = 1) {
  const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 20 }]);
  const cartId = newCartId();
  const lines = [{ productId: product.id, quantity }];
  await reserveCart(stock.deps, { cartId, lines });
  return { product, cartId, lines };
}

const orderCount = () => stock.db.order.count();

describe("checkout details", () => {
  it("stores the contact and delivery address on the order and links the customer by email", async () => {
    const { cartId, lines } = await cartOf(2);
    const { orders } = await placeOrder(stock.deps, {
      cartId,
      lines,
      customer: { name: "  Ada Lovelace ", email: "Ada@Example.TEST", phone: "+44 (0)20 7946 0018" },
      fulfilment: { method: "DELIVERY", address: { line1: "12 St James's Square", line2: "", city: "London", postcode: "sw1y 4lb", country: "GB" } },
    });
    const order = await stock.db.order.findUniqueOrThrow({ where: { id: orders[0]?.orderId }, include: { customer: true } });
    expect(order).toMatchObject({
      customerName: "Ada Lovelace",
      customerEmail: "ada@example.test",
      customerPhone: "+44 (0)20 7946 0018",
      fulfilment: "DELIVERY",
      deliveryLine1: "12 St James's Square",
      deliveryLine2: null,
      deliveryCity: "London",
      deliveryPostcode: "SW1Y 4LB",
      deliveryCountry: "GB",
      collectionLocationId: null,
    });
    expect(order.customer?.email).toBe("ada@example.test");
    const view = await getCartOrder(stock.deps, { cartId, orderId: order.id });
    expect(view.deliveryAddress).toEqual({ line1: "12 St James's Square", line2: null, city: "London", postcode: "SW1Y 4LB", country: "GB" });
    expect(view.events.map((e) => [e.kind, e.toStatus, e.channel, e.actorName])).toEqual([["PLACED", "PENDING", "STOREFRONT", "Ada Lovelace"]]);
  });

  it.each([
    [
      "fulfilment.address.postcode",
      { method: "DELIVERY", address: { line1: "1 High St", city: "Bath", postcode: "12345", country: "GB" } },
      /not a United Kingdom postcode/,
    ],
    [
      "fulfilment.address.line1",
      { method: "DELIVERY", address: { line1: " ", city: "Bath", postcode: "BA1 1AA", country: "GB" } },
      /Address line 1 is required/,
    ],
    [
      "fulfilment.address.country",
      { method: "DELIVERY", address: { line1: "1 High St", city: "Bath", postcode: "BA1 1AA", country: "US" } },
      /Country must be one of/,
    ],
    ["fulfilment.address", { method: "DELIVERY" }, /./],
    ["fulfilment.locationIds", { method: "COLLECTION", locationIds: [] }, /Choose where to collect/],
  ])("refuses a delivery without a valid address or a collection without a location: %s, nothing placed", async (field, fulfilment, message) => {
    const { cartId, lines } = await cartOf();
    const before = await orderCount();
    const error = await domainFailure(placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines, fulfilment: fulfilment as never }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields?.[field]).toMatch(message);
    expect(await orderCount()).toBe(before);
  });

  it.each([
    ["customer.name", { name: "", email: "a@b.test", phone: "07700 900123" }, /Name is required/],
    ["customer.email", { name: "A", email: "not-an-email", phone: "07700 900123" }, /valid address/],
    ["customer.phone", { name: "A", email: "a@b.test", phone: "12" }, /7 to 15 digits/],
    ["customer.phone", { name: "A", email: "a@b.test", phone: "call me" }, /only digits/],
  ])("refuses missing or malformed contact details: %s", async (field, customer, message) => {
    const { cartId, lines } = await cartOf();
    const error = await domainFailure(placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines, customer }));
    expect(error.fields?.[field]).toMatch(message);
  });

  it("collection needs one of that producer's collection points: another producer's location or a back store is refused", async () => {
    const { cartId, lines } = await cartOf();
    const other = await createStockWorld(stock.db);
    const before = await orderCount();
    for (const locationId of [other.shop.id, stock.world.backStore.id]) {
      const error = await domainFailure(
        placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines, fulfilment: { method: "COLLECTION", locationIds: [locationId] } }),
      );
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(error.fields?.["fulfilment.locationIds"]).toBe(`Choose one collection point for ${stock.world.producer.name}.`);
    }
    expect(await orderCount()).toBe(before);
    const { orders } = await placeOrder(stock.deps, {
      ...TEST_CHECKOUT,
      cartId,
      lines,
      fulfilment: { method: "COLLECTION", locationIds: [stock.world.shop.id, other.shop.id] },
    });
    const view = await getCartOrder(stock.deps, { cartId, orderId: orders[0]?.orderId ?? "" });
    expect(view).toMatchObject({ fulfilment: "COLLECTION", deliveryAddress: null, collectionLocation: { id: stock.world.shop.id, name: "Shop" } });
  });

  it("lists each producer's collection points (not back stores, not archived)", async () => {
    await stock.db.location.create({ data: { producerId: stock.world.producer.id, name: "Old kiosk", isCollectionPoint: true, archivedAt: new Date() } });
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 1 }]);
    const points = await listCollectionPoints(stock.deps, { productIds: [product.id] });
    expect(points).toEqual([
      { producerId: stock.world.producer.id, producerName: stock.world.producer.name, locations: [{ id: stock.world.shop.id, name: "Shop" }] },
    ]);
  });

  it("an existing customer's name is not changed by a stranger's checkout with their email", async () => {
    await stock.db.customer.create({ data: { email: "owner@example.test", name: "Real Owner" } });
    const { cartId, lines } = await cartOf();
    await placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines, customer: { name: "Someone Else", email: "owner@example.test", phone: "07700 900999" } });
    expect((await stock.db.customer.findUniqueOrThrow({ where: { email: "owner@example.test" } })).name).toBe("Real Owner");
  });
});
