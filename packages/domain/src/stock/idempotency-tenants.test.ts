import { describe, expect, it } from "vitest";
import { actorFor, createProducer, createStaff, domainFailure, productWithStock, useStockWorld } from "../testing/index.ts";
import { adjustLot } from "./adjust-lot.ts";

const stock = useStockWorld();

describe("idempotency keys across producers", () => {
  it("another producer replaying an adjustment's key gets NOT_FOUND and changes nothing; the owner's replay answers the same", async () => {
    const { lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 10 }]);
    const lotId = lotIds[0] as string;
    const ownerA = actorFor(await createStaff(stock.db, { role: "PRODUCER_ADMIN", producerId: stock.world.producer.id }));
    const strangerB = actorFor(await createStaff(stock.db, { role: "PRODUCER_ADMIN", producerId: (await createProducer(stock.db)).id }));
    const input = { lotId, change: -3, reason: "damaged in count", idempotencyKey: "adjust-key-0001" };

    const first = await adjustLot(stock.deps, ownerA, input);
    expect(first.movement).toMatchObject({ quantity: -3, previousOnHand: 10, newOnHand: 7 });

    const replay = await domainFailure(adjustLot(stock.deps, strangerB, input));
    expect(replay.code).toBe("NOT_FOUND");
    const different = await domainFailure(adjustLot(stock.deps, strangerB, { ...input, change: -1 }));
    expect(different.code).toBe("NOT_FOUND");

    expect(await adjustLot(stock.deps, ownerA, input)).toEqual(first);
    expect(await stock.db.lot.findUniqueOrThrow({ where: { id: lotId } })).toMatchObject({ onHand: 7 });
    expect(await stock.db.movement.count({ where: { lotId, type: "ADJUSTMENT" } })).toBe(1);
  });
});
