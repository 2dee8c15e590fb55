import { describe, expect, it } from "vitest";
import { placeOrder } from "../orders/place-order.ts";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { domainFailure, expectValidInventory, HOLD_PATHS, newCartId, productWithStock, useHoldPath, useStockWorld } from "../testing/index.ts";
import { reserveCart } from "./reserve-cart.ts";

const stock = useStockWorld({ maxConnections: 12 });

const heldUnits = async (productId: string) =>
  (await stock.db.hold.aggregate({ where: { productId, status: "HELD" }, _sum: { quantity: true } }))._sum.quantity ?? 0;

describe.each(HOLD_PATHS)("quantity limits per cart (%s)", (path) => {
  const holdPath = useHoldPath(path, stock);

  it("refuses a line above the default per-product limit, naming its field; nothing is held", async () => {
    const deps = { ...holdPath.deps, cartMaxPerProduct: 100 };
    const { product: a } = await productWithStock(deps, stock.world, [{ quantity: 1_000 }]);
    const { product: b } = await productWithStock(deps, stock.world, [{ quantity: 1_000 }]);
    const cartId = newCartId();
    const error = await domainFailure(
      reserveCart(deps, {
        cartId,
        lines: [
          { productId: a.id, quantity: 5 },
          { productId: b.id, quantity: 101 },
        ],
      }),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields).toEqual({ "lines.1.quantity": "At most 100 per order for this product." });
    expect(error.details).toEqual({ overLimit: [{ productId: b.id, requested: 101, max: 100 }] });
    expect(await heldUnits(a.id)).toBe(0);
    expect(await heldUnits(b.id)).toBe(0);
    // Exactly at the limit is fine.
    await reserveCart(deps, { cartId, lines: [{ productId: b.id, quantity: 100 }] });
    expect(await heldUnits(b.id)).toBe(100);
    await expectValidInventory(stock.db, stock.clock.now());
  });

  it("a product's own maxPerCart wins over the default, both lower and higher, also for a cart that already holds", async () => {
    const deps = { ...holdPath.deps, cartMaxPerProduct: 100 };
    const { product: strict } = await productWithStock(deps, stock.world, [{ quantity: 500 }], { maxPerCart: 3 });
    const { product: bulk } = await productWithStock(deps, stock.world, [{ quantity: 500 }], { maxPerCart: 250 });
    const cartId = newCartId();
    await reserveCart(deps, {
      cartId,
      lines: [
        { productId: strict.id, quantity: 3 },
        { productId: bulk.id, quantity: 250 },
      ],
    });
    // The same cart again (live holds: the one-by-one path) asking for 4 of the strict product.
    const error = await domainFailure(
      reserveCart(deps, {
        cartId,
        lines: [
          { productId: bulk.id, quantity: 250 },
          { productId: strict.id, quantity: 4 },
        ],
      }),
    );
    expect(error.fields).toEqual({ "lines.1.quantity": "At most 3 per order for this product." });
    expect(await heldUnits(strict.id)).toBe(3);
    expect(await heldUnits(bulk.id)).toBe(250);
    await expectValidInventory(stock.db, stock.clock.now());
  });

  it("refuses a cart above the total units limit before touching stock", async () => {
    const deps = { ...holdPath.deps, cartMaxPerProduct: 400, cartMaxUnits: 500 };
    const { product: a } = await productWithStock(deps, stock.world, [{ quantity: 1_000 }]);
    const { product: b } = await productWithStock(deps, stock.world, [{ quantity: 1_000 }]);
    const lines = [
      { productId: a.id, quantity: 300 },
      { productId: b.id, quantity: 201 },
    ];
    const error = await domainFailure(reserveCart(deps, { cartId: newCartId(), lines }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields).toEqual({ lines: "At most 500 units per order in all." });
    expect(await heldUnits(a.id)).toBe(0);
    // Keep the coalesced path's "a batch ran" check honest with one hold that passes.
    await reserveCart(deps, { cartId: newCartId(), lines: [{ productId: a.id, quantity: 1 }] });
  });
});

describe("quantity limits when placing an order", () => {
  it("placing an order applies the same limits, naming the field", async () => {
    const deps = { ...stock.deps, cartMaxPerProduct: 100, cartMaxUnits: 20_000 };
    const { product } = await productWithStock(deps, stock.world, [{ quantity: 100_000 }]);
    const cartId = newCartId();
    const error = await domainFailure(placeOrder(deps, { ...TEST_CHECKOUT, cartId, lines: [{ productId: product.id, quantity: 10_000 }] }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields).toEqual({ "lines.0.quantity": "At most 100 per order for this product." });
    expect(await stock.db.order.count({ where: { cartId } })).toBe(0);
    expect(await heldUnits(product.id)).toBe(0);
    const total = await domainFailure(
      placeOrder({ ...deps, cartMaxUnits: 500 }, { ...TEST_CHECKOUT, cartId, lines: [{ productId: product.id, quantity: 10_000 }] }),
    );
    expect(total.fields).toEqual({ "lines.0.quantity": "At most 500 units per order in all." });
  });
});
