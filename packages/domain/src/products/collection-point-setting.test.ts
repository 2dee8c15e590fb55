import { describe, expect, it } from "vitest";
import { listCollectionPoints } from "../orders/collection-points.ts";
import { actorFor, createStaff, createStockWorld, domainFailure, productWithStock, useStockWorld } from "../testing/index.ts";
import { createLocation } from "./locations.ts";
import { updateLocation } from "./manage-locations.ts";

const stock = useStockWorld();

describe("a location as a collection point", () => {
  it("is offered at checkout once switched on, with one audit entry per change (none when unchanged)", async () => {
    const { deps, world, db } = stock;
    const gate = await createLocation(deps, world.admin, { producerId: world.producer.id, name: "Farm gate" });
    const { product } = await productWithStock(deps, world, [{ quantity: 1 }]);
    const offered = async () => (await listCollectionPoints(deps, { productIds: [product.id] }))[0]?.locations.map((l) => l.name);
    expect(await offered()).toEqual(["Shop"]);

    const manager = actorFor(await createStaff(db, { role: "PRODUCER_ADMIN", producerId: world.producer.id }));
    expect(await updateLocation(deps, manager, { locationId: gate.id, isCollectionPoint: true })).toMatchObject({ name: "Farm gate", isCollectionPoint: true });
    await updateLocation(deps, manager, { locationId: gate.id, isCollectionPoint: true });
    expect((await offered())?.sort()).toEqual(["Farm gate", "Shop"]);
    await updateLocation(deps, manager, { locationId: gate.id, isCollectionPoint: false });
    expect(await offered()).toEqual(["Shop"]);

    const audit = await db.auditEvent.findMany({ where: { targetId: gate.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.actorEmail, e.producerId, e.details])).toEqual([
      ["location.collection_point_changed", manager.email, world.producer.id, { name: "Farm gate", from: false, to: true }],
      ["location.collection_point_changed", manager.email, world.producer.id, { name: "Farm gate", from: true, to: false }],
    ]);
  });

  it("never the quarantine location; another producer's location is NOT_FOUND; nothing changes", async () => {
    const { deps, world, db } = stock;
    const quarantine = await db.location.create({ data: { producerId: world.producer.id, name: "Quarantine", isSellable: false, isQuarantine: true } });
    const refused = await domainFailure(updateLocation(deps, world.admin, { locationId: quarantine.id, isCollectionPoint: true }));
    expect([refused.code, refused.fields]).toEqual(["VALIDATION_FAILED", { isCollectionPoint: "Customers cannot collect from the quarantine location." }]);

    const other = await createStockWorld(db);
    const stranger = actorFor(await createStaff(db, { role: "PRODUCER_ADMIN", producerId: other.producer.id }));
    expect((await domainFailure(updateLocation(deps, stranger, { locationId: world.backStore.id, isCollectionPoint: true }))).code).toBe("NOT_FOUND");
    expect(await db.location.findUniqueOrThrow({ where: { id: world.backStore.id } })).toMatchObject({ isCollectionPoint: false });
    expect(await db.auditEvent.count({ where: { targetId: { in: [quarantine.id, world.backStore.id] } } })).toBe(0);
  });
});
