import { describe, expect, it } from "vitest";
import { domainFailure, expectValidInventory, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { adjustLot } from "./adjust-lot.ts";
import { availabilityOf } from "./availability.ts";
import { listMovements } from "./list-movements.ts";
import { receiveLot } from "./receive-lot.ts";
import { reserveCart } from "./reserve-cart.ts";
import { transferLot } from "./transfer-lot.ts";
import { writeOffLot } from "./write-off-lot.ts";

const stock = useStockWorld({ maxConnections: 10 });
const { clock } = stock;

const lotOf = (id: string) => stock.db.lot.findUniqueOrThrow({ where: { id } });

describe("lot operations", () => {
  it("adjusts with a reason, never below what is reserved, and a bad value changes nothing", async () => {
    const { product, lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 10 }]);
    const lotId = lotIds[0] as string;
    await reserveCart(stock.deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 6 }] });
    const down = await adjustLot(stock.deps, stock.world.admin, { lotId, change: -4, reason: "damaged in count" });
    expect(down.movement).toMatchObject({ type: "ADJUSTMENT", quantity: -4, previousOnHand: 10, newOnHand: 6, reason: "damaged in count" });
    const tooFar = await domainFailure(adjustLot(stock.deps, stock.world.admin, { lotId, change: -1, reason: "count" }));
    expect(tooFar.code).toBe("CONFLICT");
    expect(tooFar.fields).toEqual({ change: "would take on hand below reserved" });
    const noReason = await domainFailure(adjustLot(stock.deps, stock.world.admin, { lotId, change: 2, reason: "" }));
    expect(noReason.fields).toEqual({ reason: "Give a reason (at least 3 characters)." });
    expect(await lotOf(lotId)).toMatchObject({ onHand: 6, reserved: 6 });
    await expectValidInventory(stock.db, clock.now());
  });

  it("writes off with the lot's cost and the reason", async () => {
    const { lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 8, unitCostCents: 250, expiryDate: "2026-05-30" }]);
    const result = await writeOffLot(stock.deps, stock.world.admin, { lotId: lotIds[0] as string, quantity: 8, reason: "EXPIRED", note: "past date" });
    expect(result.costCents).toBe(2000);
    expect(result.movement).toMatchObject({ type: "WRITE_OFF", quantity: -8, newOnHand: 0, unitCostCents: 250, reason: "write-off: expired (past date)" });
  });

  it("transfers between locations as two movements; stock in a non-sellable location cannot be held", async () => {
    const { product, lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 10, lotNumber: "T-1", expiryDate: "2026-09-01" }]);
    const moved = await transferLot(stock.deps, stock.world.admin, { lotId: lotIds[0] as string, toLocationId: stock.world.backStore.id, quantity: 7 });
    expect(moved.movements.map((m) => [m.quantity, m.newOnHand])).toEqual([
      [-7, 3],
      [7, 7],
    ]);
    expect(await lotOf(moved.toLotId)).toMatchObject({ lotNumber: "T-1", locationId: stock.world.backStore.id, onHand: 7 });
    expect((await availabilityOf(stock.deps, [product.id])).get(product.id)).toBe(3);
    const same = await domainFailure(
      transferLot(stock.deps, stock.world.admin, { lotId: lotIds[0] as string, toLocationId: stock.world.shop.id, quantity: 1 }),
    );
    expect(same.fields).toEqual({ toLocationId: "same as the lot's location" });
    await expectValidInventory(stock.db, clock.now());
  });

  it("receives idempotently: the same key sent concurrently receives once", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, []);
    const input = {
      productId: product.id,
      locationId: stock.world.shop.id,
      lotNumber: "R-1",
      unitCostCents: 100,
      quantity: 5,
      idempotencyKey: "receive-once-1",
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => receiveLot(stock.deps, stock.world.admin, input)));
    expect(new Set(results.map((r) => r.movement.id)).size).toBe(1);
    expect((await stock.db.lot.findFirstOrThrow({ where: { productId: product.id } })).onHand).toBe(5);
  });

  it("lists movements newest first with a keyset cursor", async () => {
    const { product, lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 5 }]);
    for (const change of [1, 2, 3]) await adjustLot(stock.deps, stock.world.admin, { lotId: lotIds[0] as string, change, reason: `step ${change}` });
    const first = await listMovements(stock.deps, stock.world.admin, { productId: product.id, limit: 2 });
    expect(first.items.map((m) => m.quantity)).toEqual([3, 2]);
    const second = await listMovements(stock.deps, stock.world.admin, { productId: product.id, limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((m) => m.quantity)).toEqual([1, 5]);
    expect(second.nextCursor).toBeNull();
  });
});
