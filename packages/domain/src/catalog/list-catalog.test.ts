import { describe, expect, it } from "vitest";
import { productWithStock, useStockWorld } from "../testing/index.ts";
import { listCatalog } from "./list-catalog.ts";

const stock = useStockWorld();

describe("catalog list and search", () => {
  it("finds few matches through the trigram path and many through the name index, same order, paged, with availability", async () => {
    const { db, deps, world } = stock;
    // 1,100 "Widget" products: more matches than the count cap, so "widget" takes the index walk.
    await db.product.createMany({
      data: Array.from({ length: 1_100 }, (_, i) => ({
        producerId: world.producer.id,
        sku: `W-${i}`,
        name: `Widget ${String(i).padStart(4, "0")}`,
        category: "Tools",
        priceCents: 100,
        unitCostCents: 50,
      })),
    });
    const { product: b } = await productWithStock(deps, world, [{ quantity: 4 }], { name: "Rare orchid B", category: "Garden" });
    const { product: a } = await productWithStock(deps, world, [], { name: "Rare Orchid A", category: "Garden" });
    const { product: c } = await productWithStock(deps, world, [{ quantity: 1 }], { name: "rare ORCHID c", category: "Garden", trackInventory: false });
    await productWithStock(deps, world, [], { name: "100% Cotton bag", category: "Garden" });

    const few = await listCatalog(deps, { search: "orchid" });
    expect(few).toMatchObject({ total: 3, isTotalCapped: false });
    // Sold-out products come after the ones a customer can buy (issue 15): A (0 left) is last.
    expect(few.items.map((p) => [p.id, p.available, p.producerName])).toEqual([
      [b.id, 4, world.producer.name],
      [c.id, null, world.producer.name],
      [a.id, 0, world.producer.name],
    ]);
    expect((await listCatalog(deps, { search: "orchid", page: 2, pageSize: 2 })).items.map((p) => p.id)).toEqual([a.id]);
    expect((await listCatalog(deps, { search: "orchid", category: "Tools" })).items).toEqual([]);

    const many = await listCatalog(deps, { search: "widget", page: 2, pageSize: 24 });
    expect(many).toMatchObject({ total: 1_000, isTotalCapped: true });
    expect(many.items.map((p) => p.name)).toEqual(Array.from({ length: 24 }, (_, i) => `Widget ${String(24 + i).padStart(4, "0")}`));
    expect(many.categories).toEqual(expect.arrayContaining(["Garden", "Tools"]));
  });

  it("treats LIKE wildcards in a search as plain characters", async () => {
    const percent = await listCatalog(stock.deps, { search: "%" });
    expect(percent.items.map((p) => p.name)).toEqual(["100% Cotton bag"]);
    expect(percent.total).toBe(1);
    const none = await listCatalog(stock.deps, { search: "_" });
    expect(none).toMatchObject({ total: 0, isTotalCapped: false, items: [] });
    expect(none.categories).toEqual(expect.arrayContaining(["Garden", "Tools"]));
  });
});
