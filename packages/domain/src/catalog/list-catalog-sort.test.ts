import { describe, expect, it } from "vitest";
import { createProducer, domainFailure, productWithStock, useStockWorld } from "../testing/index.ts";
import { listCatalog } from "./list-catalog.ts";
import { listShopProducers } from "./list-shop-producers.ts";

const stock = useStockWorld();

describe("catalog sort, filters and sold-out products", () => {
  it("sorts by name, price and newest, sold out last; filters by producer and hides sold out", async () => {
    const { db, deps, world } = stock;
    const shelf = { category: "Fruit" };
    await productWithStock(deps, world, [{ quantity: 5 }], { ...shelf, name: "Apple", priceCents: 300 });
    await productWithStock(deps, world, [], { ...shelf, name: "Banana", priceCents: 100 });
    await productWithStock(deps, world, [{ quantity: 2 }], { ...shelf, name: "Cherry", priceCents: 200, maxPerCart: 2 });
    await productWithStock(deps, world, [], { ...shelf, name: "Date", priceCents: 400, trackInventory: false });
    const other = await createProducer(db, "Orchard Two");
    await db.product.create({
      data: { producerId: other.id, sku: "E-1", name: "Elder", category: "Fruit", priceCents: 150, unitCostCents: 1, trackInventory: false },
    });

    const names = async (input: Parameters<typeof listCatalog>[1]) => (await listCatalog(deps, { category: "Fruit", ...input })).items.map((p) => p.name);
    expect(await names({})).toEqual(["Apple", "Cherry", "Date", "Elder", "Banana"]);
    expect(await names({ sort: "price-asc" })).toEqual(["Elder", "Cherry", "Apple", "Date", "Banana"]);
    expect(await names({ sort: "price-desc" })).toEqual(["Date", "Apple", "Cherry", "Elder", "Banana"]);
    expect(await names({ sort: "newest" })).toEqual(["Elder", "Date", "Cherry", "Apple", "Banana"]);
    expect(await names({ sort: "price-asc", page: 2, pageSize: 2 })).toEqual(["Apple", "Date"]);

    expect(await names({ producer: other.slug })).toEqual(["Elder"]);
    expect(await names({ producer: world.producer.slug, sort: "price-desc" })).toEqual(["Date", "Apple", "Cherry", "Banana"]);
    expect(await listCatalog(deps, { producer: "no-such-producer" })).toMatchObject({ total: 0, items: [] });
    const inStock = await listCatalog(deps, { category: "Fruit", hideSoldOut: true });
    expect(inStock.total).toBe(4);
    expect(inStock.items.map((p) => p.name)).toEqual(["Apple", "Cherry", "Date", "Elder"]);

    const cherry = inStock.items.find((p) => p.name === "Cherry");
    expect(cherry).toMatchObject({ slug: "cherry", available: 2, maxPerOrder: 2 });
    expect(inStock.items.find((p) => p.name === "Apple")?.maxPerOrder).toBe(100);
    expect(await listShopProducers(deps)).toEqual(
      [
        { name: world.producer.name, slug: world.producer.slug },
        { name: "Orchard Two", slug: other.slug },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it("past the count cap walks the sort's index: price pages match a full sort", async () => {
    const { db, deps, world } = stock;
    const rows = Array.from({ length: 1_100 }, (_, i) => ({ sku: `WK-${i}`, name: `Walker ${i}`, priceCents: 1_000 + ((i * 37) % 1_100) }));
    await db.product.createMany({
      data: rows.map((r) => ({ ...r, producerId: world.producer.id, category: "Walk", unitCostCents: 1, trackInventory: false })),
    });
    const byPrice = [...rows].sort((a, b) => b.priceCents - a.priceCents).map((r) => r.name);
    const page = await listCatalog(deps, { search: "walker", sort: "price-desc", page: 3, pageSize: 10 });
    expect(page).toMatchObject({ total: 1_000, isTotalCapped: true });
    expect(page.items.map((p) => p.name)).toEqual(byPrice.slice(20, 30));
    const cheapest = await listCatalog(deps, { search: "walker", sort: "price-asc", pageSize: 3 });
    expect(cheapest.items.map((p) => p.priceCents)).toEqual([1_000, 1_001, 1_002]);
  });

  it("refuses an unknown sort, naming the field", async () => {
    const error = await domainFailure(listCatalog(stock.deps, { sort: "cheapest" as "name" }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields).toHaveProperty("sort");
  });
});
