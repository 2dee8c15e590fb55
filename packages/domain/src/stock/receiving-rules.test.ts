import { describe, expect, it } from "vitest";
import { domainFailure, expectValidInventory, productWithStock, useStockWorld } from "../testing/index.ts";
import { availabilityOf } from "./availability.ts";
import { receiveLot } from "./receive-lot.ts";
import { transferLot } from "./transfer-lot.ts";

const stock = useStockWorld();

async function receive(productId: string, expiryDate: string | null, options: { quarantine?: boolean; lotNumber?: string } = {}) {
  return receiveLot(stock.deps, stock.world.admin, {
    productId,
    locationId: stock.world.shop.id,
    lotNumber: options.lotNumber ?? `R-${Math.random().toString(36).slice(2, 8)}`,
    expiryDate,
    quantity: 5,
    ...(options.quarantine === undefined ? {} : { quarantine: options.quarantine }),
  });
}

// The test clock starts at 2026-06-01.
describe("receiving rules", () => {
  it("refuses an expired lot unless it goes into quarantine, where it is never sellable", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, []);
    const lotsBefore = await stock.db.lot.count();
    for (const expiryDate of ["2026-05-20", "2026-06-01"]) {
      const refused = await domainFailure(receive(product.id, expiryDate));
      expect(refused.code).toBe("VALIDATION_FAILED");
      expect(refused.fields).toEqual({ expiryDate: "Already expired." });
      expect(refused.details).toEqual({ canQuarantine: true });
    }
    expect(await stock.db.lot.count()).toBe(lotsBefore);
    const { lotId, movement } = await receive(product.id, "2026-05-20", { quarantine: true });
    const lot = await stock.db.lot.findUniqueOrThrow({ where: { id: lotId }, include: { location: true } });
    expect(lot.location).toMatchObject({ name: "Quarantine", isQuarantine: true, isSellable: false });
    expect(movement).toMatchObject({ type: "RECEIPT", quantity: 5, reason: "received into quarantine" });
    expect((await availabilityOf(stock.deps, [product.id])).get(product.id)).toBe(0);
    await expectValidInventory(stock.db, stock.clock.now());
  });

  it("refuses a lot with less than the product's minimum shelf life; exactly the minimum is accepted", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, [], {});
    await stock.db.product.update({ where: { id: product.id }, data: { minShelfLifeDays: 30 } });
    const refused = await domainFailure(receive(product.id, "2026-06-30"));
    expect(refused.fields).toEqual({ expiryDate: "Less than 30 days left." });
    expect(refused.userMessage).toMatch(/at least 30 days of shelf life left/);
    expect((await receive(product.id, "2026-07-01")).movement.quantity).toBe(5);
    expect((await availabilityOf(stock.deps, [product.id])).get(product.id)).toBe(5);
  });

  it("a product that requires an expiry date refuses a lot without one, even into quarantine", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, []);
    await stock.db.product.update({ where: { id: product.id }, data: { requiresExpiryDate: true } });
    for (const quarantine of [false, true]) {
      const refused = await domainFailure(receive(product.id, null, { quarantine }));
      expect(refused.fields).toEqual({ expiryDate: "Enter the expiry date." });
    }
    expect((await receive(product.id, "2027-01-01")).movement.quantity).toBe(5);
  });

  it("concurrent first quarantines of one producer make one quarantine location", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, []);
    await Promise.all(Array.from({ length: 5 }, (_, i) => receive(product.id, "2026-05-01", { quarantine: true, lotNumber: `Q-${i}` })));
    expect(await stock.db.location.count({ where: { producerId: stock.world.producer.id, isQuarantine: true } })).toBe(1);
    expect(await stock.db.lot.count({ where: { productId: product.id, location: { isQuarantine: true } } })).toBe(5);
  });

  it("an archived location takes no stock, by receipt or by transfer", async () => {
    const { product, lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 4 }]);
    const room = await stock.db.location.create({ data: { producerId: stock.world.producer.id, name: `Old room ${Date.now()}`, archivedAt: new Date() } });
    const received = await domainFailure(
      receiveLot(stock.deps, stock.world.admin, { productId: product.id, locationId: room.id, lotNumber: "A-1", quantity: 1 }),
    );
    expect(received.fields).toEqual({ locationId: "Archived." });
    const moved = await domainFailure(transferLot(stock.deps, stock.world.admin, { lotId: lotIds[0] as string, toLocationId: room.id, quantity: 1 }));
    expect(moved.fields).toEqual({ toLocationId: "Archived." });
    expect(await stock.db.lot.count({ where: { locationId: room.id } })).toBe(0);
  });
});
