import { describe, expect, it } from "vitest";
import { listCatalog } from "../catalog/list-catalog.ts";
import { placeOrder } from "../orders/place-order.ts";
import { availabilityOf } from "../stock/availability.ts";
import { reserveCart } from "../stock/reserve-cart.ts";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { actorFor, createProducer, createStaff } from "../testing/factories.ts";
import { domainFailure, expectValidInventory, HOLD_PATHS, newCartId, productWithStock, useHoldPath, useStockWorld } from "../testing/index.ts";
import { archiveProduct, restoreProduct } from "./archive-product.ts";
import { listProducts } from "./list-products.ts";

const stock = useStockWorld({ maxConnections: 12 });

describe.each(HOLD_PATHS)("an archived product (%s)", (path) => {
  const holdPath = useHoldPath(path, stock);

  it("cannot be held or ordered, naming the line's product field; a restored one can", async () => {
    const { deps, world } = stock;
    const { product: kept } = await productWithStock(deps, world, [{ quantity: 5 }]);
    const { product: gone } = await productWithStock(deps, world, [{ quantity: 5 }]);
    await archiveProduct(deps, world.admin, { productId: gone.id });
    const lines = [
      { productId: kept.id, quantity: 1 },
      { productId: gone.id, quantity: 2 },
    ];
    const held = await domainFailure(reserveCart(holdPath.deps, { cartId: newCartId(), lines }));
    expect(held.code).toBe("VALIDATION_FAILED");
    expect(held.fields).toEqual({ "lines.1.productId": "This product is no longer sold." });
    const ordered = await domainFailure(placeOrder(holdPath.deps, { ...TEST_CHECKOUT, cartId: newCartId(), lines }));
    expect(ordered.code).toBe("VALIDATION_FAILED");
    expect(ordered.fields).toEqual({ "lines.1.productId": "This product is no longer sold." });
    expect(await stock.db.hold.count({ where: { productId: { in: [kept.id, gone.id] } } })).toBe(0);

    await restoreProduct(deps, world.admin, { productId: gone.id });
    const result = await reserveCart(holdPath.deps, { cartId: newCartId(), lines });
    expect(result.holds.map((h) => h.quantity).sort()).toEqual([1, 2]);
    await expectValidInventory(stock.db, stock.clock.now());
  });

  it("refuses a cart that already holds it when the cart is refreshed after the archive", async () => {
    const { deps, world } = stock;
    const { product } = await productWithStock(deps, world, [{ quantity: 5 }]);
    const cartId = newCartId();
    await reserveCart(holdPath.deps, { cartId, lines: [{ productId: product.id, quantity: 2 }] });
    await archiveProduct(deps, world.admin, { productId: product.id });
    const error = await domainFailure(reserveCart(holdPath.deps, { cartId, lines: [{ productId: product.id, quantity: 3 }] }));
    expect(error.fields).toEqual({ "lines.0.productId": "This product is no longer sold." });
  });
});

describe("archive and restore", () => {
  it("leaves the storefront and shows as unavailable; history stays; admin lists show it only under Archived", async () => {
    const { deps, world, db } = stock;
    const name = `Archived tea ${newCartId()}`;
    const category = `Tea ${newCartId()}`;
    const { product, lotIds } = await productWithStock(deps, world, [{ quantity: 7 }], { name, category });
    expect((await listCatalog(deps, {})).categories).toContain(category);
    expect((await listCatalog(deps, { search: name })).items.map((p) => p.id)).toEqual([product.id]);
    const movementsBefore = await db.movement.count({ where: { productId: product.id } });

    const archived = await archiveProduct(deps, world.admin, { productId: product.id });
    expect(archived.archivedAt).toBe(stock.clock.now().toISOString());
    expect((await listCatalog(deps, { search: name })).total).toBe(0);
    expect((await listCatalog(deps, {})).categories).not.toContain(category);
    expect((await availabilityOf(deps, [product.id])).get(product.id)).toBe(0);
    expect(await db.lot.findUniqueOrThrow({ where: { id: lotIds[0] } })).toMatchObject({ onHand: 7 });
    expect(await db.movement.count({ where: { productId: product.id } })).toBe(movementsBefore);
    const active = await listProducts(deps, world.admin, { producerId: world.producer.id, search: name });
    const archivedList = await listProducts(deps, world.admin, { producerId: world.producer.id, search: name, status: "ARCHIVED" });
    expect([active.length, archivedList.map((p) => p.id)]).toEqual([0, [product.id]]);

    await restoreProduct(deps, world.admin, { productId: product.id });
    expect((await listCatalog(deps, { search: name })).items.map((p) => [p.id, p.available])).toEqual([[product.id, 7]]);
  });

  it("another producer's product is NOT_FOUND", async () => {
    const { deps, world, db } = stock;
    const other = actorFor(await createStaff(db, { role: "PRODUCER_ADMIN", producerId: (await createProducer(db)).id }));
    const { product } = await productWithStock(deps, world, []);
    expect((await domainFailure(archiveProduct(deps, other, { productId: product.id }))).code).toBe("NOT_FOUND");
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ archivedAt: null });
  });
});
