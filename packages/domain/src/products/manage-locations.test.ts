import { describe, expect, it } from "vitest";
import { writeOffLot } from "../stock/write-off-lot.ts";
import { domainFailure, productWithStock, useStockWorld } from "../testing/index.ts";
import { createLocation, listLocations } from "./locations.ts";
import { archiveLocation, restoreLocation, updateLocation } from "./manage-locations.ts";

const stock = useStockWorld();

describe("locations", () => {
  it("renames and toggles sellable; a name clash names the field", async () => {
    const { deps, world } = stock;
    const room = await createLocation(deps, world.admin, { producerId: world.producer.id, name: "Cold room" });
    expect(await updateLocation(deps, world.admin, { locationId: room.id, name: "Chiller", isSellable: false })).toMatchObject({
      name: "Chiller",
      isSellable: false,
    });
    const clash = await domainFailure(updateLocation(deps, world.admin, { locationId: room.id, name: "Shop" }));
    expect([clash.code, clash.fields]).toEqual(["VALIDATION_FAILED", { name: "A location with this name exists." }]);
  });

  it("the quarantine location cannot be made sellable", async () => {
    const { deps, world, db } = stock;
    const quarantine = await db.location.create({ data: { producerId: world.producer.id, name: "Quarantine", isSellable: false, isQuarantine: true } });
    const error = await domainFailure(updateLocation(deps, world.admin, { locationId: quarantine.id, isSellable: true }));
    expect([error.code, error.fields]).toEqual(["VALIDATION_FAILED", { isSellable: "The quarantine location cannot be sellable." }]);
    expect(await db.location.findUniqueOrThrow({ where: { id: quarantine.id } })).toMatchObject({ isSellable: false });
  });

  it("archives only when empty (CONFLICT otherwise), leaves lists unless asked, and restores", async () => {
    const { deps, world } = stock;
    const shelf = await createLocation(deps, world.admin, { producerId: world.producer.id, name: "Shelf 9" });
    const { lotIds } = await productWithStock(deps, world, [{ quantity: 3, locationId: shelf.id }]);
    const full = await domainFailure(archiveLocation(deps, world.admin, { locationId: shelf.id }));
    expect(full.code).toBe("CONFLICT");
    await writeOffLot(deps, world.admin, { lotId: lotIds[0] as string, quantity: 3, reason: "DAMAGED" });
    const archived = await archiveLocation(deps, world.admin, { locationId: shelf.id });
    expect(archived.archivedAt).toBe(stock.clock.now().toISOString());
    const names = async (includeArchived: boolean) =>
      (await listLocations(deps, world.admin, { producerId: world.producer.id, includeArchived })).map((l) => l.name);
    expect(await names(false)).not.toContain("Shelf 9");
    expect(await names(true)).toContain("Shelf 9");
    await restoreLocation(deps, world.admin, { locationId: shelf.id });
    expect(await names(false)).toContain("Shelf 9");
  });
});
