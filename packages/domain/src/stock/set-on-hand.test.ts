import { describe, expect, it } from "vitest";
import { actorFor, createStaff, domainFailure, expectValidInventory, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { adjustLot } from "./adjust-lot.ts";
import { reserveCart } from "./reserve-cart.ts";
import { setOnHand } from "./set-on-hand.ts";

const stock = useStockWorld({ maxConnections: 12 });

const lotOf = (id: string) => stock.db.lot.findUniqueOrThrow({ where: { id } });
const movementsOf = (lotId: string) => stock.db.movement.count({ where: { lotId, type: "ADJUSTMENT" } });

describe("set on hand, compare-and-set", () => {
  it("sets the value the caller read as an adjustment of the difference; the same value writes nothing", async () => {
    const { lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 10 }]);
    const lotId = lotIds[0] as string;
    const set = await setOnHand(stock.deps, stock.world.admin, { lotId, expectedOnHand: 10, onHand: 7 });
    expect(set).toMatchObject({ previousOnHand: 10, onHand: 7, movement: { type: "ADJUSTMENT", quantity: -3, reason: "Count correction" } });
    const same = await setOnHand(stock.deps, stock.world.admin, { lotId, expectedOnHand: 7, onHand: 7 });
    expect(same).toMatchObject({ previousOnHand: 7, onHand: 7, movement: null });
    expect(await movementsOf(lotId)).toBe(1);
    await expectValidInventory(stock.db, stock.clock.now());
  });

  it("a stale expected value is a CONFLICT carrying the current on hand, and nothing changes", async () => {
    const { lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 10 }]);
    const lotId = lotIds[0] as string;
    await adjustLot(stock.deps, stock.world.admin, { lotId, change: 2, reason: "Found stock" });
    const stale = await domainFailure(setOnHand(stock.deps, stock.world.admin, { lotId, expectedOnHand: 10, onHand: 4 }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details).toEqual({ currentOnHand: 12 });
    expect(stale.fields).toEqual({ expectedOnHand: "on hand is now 12" });
    expect(await lotOf(lotId)).toMatchObject({ onHand: 12 });
  });

  it("never below what is reserved; a role without any-reason must pick a listed reason", async () => {
    const { product, lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 10 }]);
    const lotId = lotIds[0] as string;
    await reserveCart(stock.deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 6 }] });
    const below = await domainFailure(setOnHand(stock.deps, stock.world.admin, { lotId, expectedOnHand: 10, onHand: 5 }));
    expect(below).toMatchObject({ code: "CONFLICT", fields: { onHand: "at least 6 are reserved" }, details: { currentOnHand: 10, reserved: 6 } });
    const staff = actorFor(await createStaff(stock.db, { role: "PRODUCER_STAFF", producerId: stock.world.producer.id }));
    const reason = await domainFailure(setOnHand(stock.deps, staff, { lotId, expectedOnHand: 10, onHand: 8, reason: "because" }));
    expect(reason).toMatchObject({ code: "FORBIDDEN", fields: { reason: "not in the list" } });
    expect(await lotOf(lotId)).toMatchObject({ onHand: 10, reserved: 6 });
  });

  it("of 8 concurrent sets that read the same value exactly one applies; the others are told the new value", async () => {
    const { lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 50 }]);
    const lotId = lotIds[0] as string;
    const targets = [41, 42, 43, 44, 45, 46, 47, 48];
    const outcomes = await Promise.allSettled(targets.map((onHand) => setOnHand(stock.deps, stock.world.admin, { lotId, expectedOnHand: 50, onHand })));
    const won = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value.onHand] : []));
    expect(won).toHaveLength(1);
    const lost = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(lost.map((e) => [e.code, e.details.currentOnHand])).toEqual(Array(7).fill(["CONFLICT", won[0]]));
    expect(await lotOf(lotId)).toMatchObject({ onHand: won[0] });
    expect(await movementsOf(lotId)).toBe(1);
    await expectValidInventory(stock.db, stock.clock.now());
  });

  it("a set racing adjustments either sees the value it expected or fails: on hand ends where the ledger says", async () => {
    const { lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 100 }]);
    const lotId = lotIds[0] as string;
    const adjusts = Array.from({ length: 6 }, () => adjustLot(stock.deps, stock.world.admin, { lotId, change: 1, reason: "Found stock" }));
    const set = setOnHand(stock.deps, stock.world.admin, { lotId, expectedOnHand: 100, onHand: 10 }).then(
      () => "applied",
      (e) => e.code,
    );
    const [setOutcome] = await Promise.all([set, ...adjusts]);
    const lot = await lotOf(lotId);
    const ledger = await stock.db.movement.aggregate({ where: { lotId }, _sum: { quantity: true } });
    expect(lot.onHand).toBe(ledger._sum.quantity);
    // Applied first: 10 + 6; or after some adjustments: a CONFLICT and 100 + 6.
    expect(setOutcome === "applied" ? lot.onHand === 16 : setOutcome === "CONFLICT" && lot.onHand === 106).toBe(true);
    await expectValidInventory(stock.db, stock.clock.now());
  });
});
