import { describe, expect, it } from "vitest";
import { newCartId, useStockWorld } from "../testing/index.ts";
import { duplicateProduct } from "./archive-product.ts";
import { createProduct, updateProduct } from "./save-product.ts";

const stock = useStockWorld({ maxConnections: 12 });

const fields = (name: string) => ({ sku: `SL-${newCartId()}`, name, category: "Tea", priceCents: 450, unitCostCents: 200 });

describe("product slugs", () => {
  it("come from the name, -2 and -3 on a clash, and stay when the name changes", async () => {
    const { deps, world } = stock;
    const create = (name: string) => createProduct(deps, world.admin, { producerId: world.producer.id, ...fields(name) });
    expect((await create("Crème Brûlée  (250 g)!")).slug).toBe("creme-brulee-250-g");
    const first = await create("Green Tea");
    expect(first.slug).toBe("green-tea");
    expect((await create("green tea")).slug).toBe("green-tea-2");
    expect((await create("GREEN-TEA")).slug).toBe("green-tea-3");
    expect((await create("!!!")).slug).toBe("product");

    const renamed = await updateProduct(deps, world.admin, { productId: first.id, name: "Sencha" });
    expect(renamed).toMatchObject({ name: "Sencha", slug: "green-tea" });
    expect((await create("Sencha")).slug).toBe("sencha");

    const copy = await duplicateProduct(deps, world.admin, { productId: first.id, sku: `SL-${newCartId()}` });
    expect(copy).toMatchObject({ name: "Sencha (copy)", slug: "sencha-copy" });
    expect((await duplicateProduct(deps, world.admin, { productId: first.id, sku: `SL-${newCartId()}` })).slug).toBe("sencha-copy-2");
  });

  it("stay unique when ten products of one name are saved at once", async () => {
    const { deps, world } = stock;
    const saved = await Promise.all(Array.from({ length: 10 }, () => createProduct(deps, world.admin, { producerId: world.producer.id, ...fields("Oolong") })));
    const slugs = saved.map((p) => p.slug).sort();
    expect(slugs).toEqual(["oolong", ...Array.from({ length: 9 }, (_, i) => `oolong-${i + 2}`)].sort());
  });

  it("are given to rows inserted in bulk, in insertion order", async () => {
    const { db, world } = stock;
    await db.product.createMany({ data: [1, 2, 3].map((i) => ({ producerId: world.producer.id, ...fields("Bulk Mate"), sku: `BM-${i}-${newCartId()}` })) });
    const rows = await db.product.findMany({ where: { name: "Bulk Mate" }, orderBy: { slug: "asc" } });
    expect(rows.map((r) => r.slug)).toEqual(["bulk-mate", "bulk-mate-2", "bulk-mate-3"]);
  });
});
