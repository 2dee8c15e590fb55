import { describe, expect, it } from "vitest";
import { domainFailure, newCartId, useStockWorld } from "../testing/index.ts";
import { duplicateProduct } from "./archive-product.ts";
import { createProduct, updateProduct } from "./save-product.ts";

const stock = useStockWorld({ maxConnections: 12 });

const fields = (sku: string) => ({
  sku,
  name: "Rooibos",
  category: "Tea",
  description: "Loose leaf, 250 g.",
  priceCents: 450,
  unitCostCents: 200,
  minStockLevel: 5,
  trackInventory: true,
  leadTimeDays: 10,
  barcode: "4006381333931",
  requiresExpiryDate: true,
  minShelfLifeDays: 30,
});

describe("create and edit products", () => {
  it("keeps every field, and edits them", async () => {
    const { deps, world } = stock;
    const sku = `RB-${newCartId()}`;
    const created = await createProduct(deps, world.admin, { producerId: world.producer.id, ...fields(sku) });
    expect(created).toMatchObject({ ...fields(sku), archivedAt: null, images: [] });
    const edited = await updateProduct(deps, world.admin, { productId: created.id, description: null, minShelfLifeDays: null, requiresExpiryDate: false });
    expect(edited).toMatchObject({ sku, description: null, minShelfLifeDays: null, requiresExpiryDate: false, leadTimeDays: 10 });
  });

  it("bad values get field errors", async () => {
    const { deps, world } = stock;
    const error = await domainFailure(
      createProduct(deps, world.admin, {
        producerId: world.producer.id,
        ...fields(`X-${newCartId()}`),
        minShelfLifeDays: 5_000,
        description: "x".repeat(4_001),
      }),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["description", "minShelfLifeDays"]);
  });

  it("a SKU clash is a field error on sku, on create, edit and duplicate", async () => {
    const { deps, world } = stock;
    const taken = `T-${newCartId()}`;
    const first = await createProduct(deps, world.admin, { producerId: world.producer.id, ...fields(taken) });
    const other = await createProduct(deps, world.admin, { producerId: world.producer.id, ...fields(`O-${newCartId()}`) });
    for (const call of [
      () => createProduct(deps, world.admin, { producerId: world.producer.id, ...fields(taken) }),
      () => updateProduct(deps, world.admin, { productId: other.id, sku: taken }),
      () => duplicateProduct(deps, world.admin, { productId: other.id, sku: taken }),
    ]) {
      const error = await domainFailure(call());
      expect([error.code, error.fields]).toEqual(["VALIDATION_FAILED", { sku: "Another product already uses this SKU." }]);
    }
    const copy = await duplicateProduct(deps, world.admin, { productId: first.id, sku: `C-${newCartId()}` });
    expect(copy).toMatchObject({ ...fields(copy.sku), name: "Rooibos (copy)", images: [] });
    expect(await stock.db.lot.count({ where: { productId: copy.id } })).toBe(0);
  });

  it("eight concurrent creates of one SKU (a pool of 12 connections): the unique index lets exactly one win", async () => {
    const { deps, world } = stock;
    for (let round = 0; round < 5; round++) {
      const sku = `RACE-${newCartId()}`;
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () => createProduct(deps, world.admin, { producerId: world.producer.id, ...fields(sku) })),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const reasons = results.flatMap((r) => (r.status === "rejected" ? [[r.reason.code, r.reason.fields]] : []));
      expect(reasons).toEqual(Array(7).fill(["VALIDATION_FAILED", { sku: "Another product already uses this SKU." }]));
    }
  });
});
