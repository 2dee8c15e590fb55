import { describe, expect, it } from "vitest";
import { reserveCart } from "../stock/reserve-cart.ts";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { createProducer, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { placeOrder } from "./place-order.ts";

const stock = useStockWorld({ maxConnections: 20 });

async function checkout(productId: string, quantity = 1) {
  const cartId = newCartId();
  await reserveCart(stock.deps, { cartId, lines: [{ productId, quantity }] });
  return placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines: [{ productId, quantity }] });
}

describe("order numbers per producer", () => {
  it("50 concurrent orders of one producer take 50 distinct consecutive numbers, with the producer's prefix", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 200 }]);
    await stock.db.producer.update({ where: { id: stock.world.producer.id }, data: { orderPrefix: "GL" } });
    const before = (await stock.db.producer.findUniqueOrThrow({ where: { id: stock.world.producer.id } })).lastOrderNumber;
    const placed = await Promise.all(Array.from({ length: 50 }, () => checkout(product.id)));
    const numbers = placed.map((p) => p.orders[0]?.reference ?? "").sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)));
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `GL-${before + 1 + i}`));
    const rows = await stock.db.order.findMany({ where: { producerId: stock.world.producer.id }, select: { producerNumber: true, reference: true } });
    expect(new Set(rows.map((r) => r.producerNumber)).size).toBe(rows.length);
  });

  it("a failed checkout gives its number back (no gaps); each producer counts on its own", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 3 }]);
    const first = (await checkout(product.id)).orders[0];
    // Not enough stock: the placement rolls back, number and all.
    await expect(checkout(product.id, 5)).rejects.toMatchObject({ code: "CONFLICT" });
    const second = (await checkout(product.id)).orders[0];
    const n = (reference: string | undefined) => Number(reference?.split("-").at(-1));
    expect(n(second?.reference)).toBe(n(first?.reference) + 1);

    // Another producer (no prefix set: the slug's first two letters) starts at its own 1001.
    const other = await createProducer(stock.db, "Orchard Lane");
    const shop = await stock.db.location.create({ data: { producerId: other.id, name: "Shop", isSellable: true } });
    const { product: apples } = await productWithStock(stock.deps, { ...stock.world, producer: other, shop }, [{ quantity: 2 }]);
    const theirs = (await checkout(apples.id)).orders[0];
    expect(theirs?.reference).toBe(
      `${other.slug
        .replace(/[^a-z0-9]/gi, "")
        .slice(0, 2)
        .toUpperCase()}-1001`,
    );
  });
});
