import { describe, expect, it } from "vitest";
import { archiveProduct } from "../products/archive-product.ts";
import { reserveCart } from "../stock/reserve-cart.ts";
import { domainFailure, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { getCatalogProduct } from "./get-catalog-product.ts";

const stock = useStockWorld({ start: "2026-06-01T09:00:00Z" });

/** The expiry date of the lot the cart's hold took. */
async function heldExpiry(holdId: string | undefined): Promise<string | undefined> {
  const [allocation] = await stock.db.holdAllocation.findMany({ where: { holdId }, include: { lot: true } });
  return allocation?.lot.expiryDate?.toISOString().slice(0, 10);
}

describe("the storefront's product page", () => {
  it("shows the earliest use-by a buyer would get now: the lot a hold takes, never expired or non-sellable", async () => {
    const { deps, world } = stock;
    const { product } = await productWithStock(
      deps,
      world,
      [
        { quantity: 5, expiryDate: null, lotNumber: "NO-EXPIRY" },
        { quantity: 5, expiryDate: "2026-07-11", lotNumber: "IN-40-DAYS" },
        { quantity: 1, expiryDate: "2026-06-11", lotNumber: "IN-10-DAYS" },
        { quantity: 5, expiryDate: "2026-06-01", lotNumber: "EXPIRED-TODAY" },
        { quantity: 50, expiryDate: "2026-06-05", lotNumber: "BACK-STORE", locationId: world.backStore.id },
      ],
      { name: "Fresh Milk 1 l", maxPerCart: 3 },
    );
    const page = await getCatalogProduct(deps, { slug: "fresh-milk-1-l" });
    expect(page).toMatchObject({ id: product.id, name: "Fresh Milk 1 l", available: 11, maxPerOrder: 3, earliestUseBy: "2026-06-11" });
    expect(page.producerName).toBe(world.producer.name);
    expect(page.images).toEqual([]);

    const first = await reserveCart(deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 1 }] });
    expect(await heldExpiry(first.holds[0]?.holdId)).toBe("2026-06-11");
    // That lot is now all held: the next buyer gets the 40-day lot, and so does the next hold.
    const next = await getCatalogProduct(deps, { slug: "fresh-milk-1-l" });
    expect(next).toMatchObject({ available: 10, earliestUseBy: "2026-07-11" });
    const second = await reserveCart(deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 1 }] });
    expect(await heldExpiry(second.holds[0]?.holdId)).toBe(next.earliestUseBy);
  });

  it("has no use-by for an untracked product or one whose only lots expired, and the shop's limit per order by default", async () => {
    const { deps, world } = stock;
    await productWithStock(deps, world, [{ quantity: 3 }], { name: "Gift Card", trackInventory: false });
    expect(await getCatalogProduct(deps, { slug: "gift-card" })).toMatchObject({ available: null, earliestUseBy: null, maxPerOrder: 100 });
    await productWithStock(deps, world, [{ quantity: 4, expiryDate: "2026-05-30" }], { name: "Old Yoghurt" });
    expect(await getCatalogProduct(deps, { slug: "old-yoghurt" })).toMatchObject({ available: 0, earliestUseBy: null });
  });

  it("answers NOT_FOUND for an unknown or archived slug, and names the field of an empty one", async () => {
    const { deps, world } = stock;
    const { product } = await productWithStock(deps, world, [{ quantity: 2 }], { name: "Retired Jam" });
    expect((await getCatalogProduct(deps, { slug: "retired-jam" })).id).toBe(product.id);
    await archiveProduct(deps, world.admin, { productId: product.id });
    expect((await domainFailure(getCatalogProduct(deps, { slug: "retired-jam" }))).code).toBe("NOT_FOUND");
    expect((await domainFailure(getCatalogProduct(deps, { slug: "no-such-thing" }))).code).toBe("NOT_FOUND");
    const empty = await domainFailure(getCatalogProduct(deps, { slug: " " }));
    expect(empty.code).toBe("VALIDATION_FAILED");
    expect(empty.fields).toHaveProperty("slug");
  });
});
