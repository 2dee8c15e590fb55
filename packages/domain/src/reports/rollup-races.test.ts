import { describe, expect, it } from "vitest";
import { placeOrder } from "../orders/place-order.ts";
import { setOrderStatus } from "../orders/set-order-status.ts";
import { adjustLot } from "../stock/adjust-lot.ts";
import { applyMovement } from "../stock/apply-movement.ts";
import { receiveLot } from "../stock/receive-lot.ts";
import { validateInventory } from "../stock/validate-inventory.ts";
import { writeOffLot } from "../stock/write-off-lot.ts";
import { newCartId, productWithStock, TEST_CHECKOUT, useStockWorld } from "../testing/index.ts";
import { validateRollups } from "./validate-rollups.ts";

const stock = useStockWorld({ maxConnections: 20 });

const sums = (productId: string) =>
  stock.db.$queryRaw<{ type: string; unitsIn: number; unitsOut: number; costCents: number; revenueCents: number; movements: number }[]>`
    SELECT type::text, SUM("unitsIn")::int AS "unitsIn", SUM("unitsOut")::int AS "unitsOut", SUM("costCents")::int AS "costCents",
           SUM("revenueCents")::int AS "revenueCents", SUM(movements)::int AS movements
    FROM "MovementDaily" WHERE "productId" = ${productId}::uuid GROUP BY type ORDER BY type`;

describe("MovementDaily under concurrent stock changes", () => {
  it("receipts, adjustments, write-offs, dispatches and unlocked movements on the same products and day, racing on 20 connections: the rollup equals the ledger exactly", async () => {
    const lotsOf = [
      { quantity: 1000, unitCostCents: 100, lotNumber: "A" },
      { quantity: 1000, unitCostCents: 130, lotNumber: "B" },
      { quantity: 1000, unitCostCents: 170, lotNumber: "C" },
    ];
    const first = await productWithStock(stock.deps, stock.world, lotsOf, { priceCents: 900 });
    const second = await productWithStock(stock.deps, stock.world, lotsOf, { priceCents: 400 });
    const products = [first, second];
    const orderIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      const product = products[i % 2] as (typeof products)[number];
      const { orders } = await placeOrder(stock.deps, {
        ...TEST_CHECKOUT,
        cartId: newCartId(),
        lines: [{ productId: product.product.id, quantity: 1 + (i % 3) }],
      });
      const orderId = orders[0]?.orderId as string;
      await setOrderStatus(stock.deps, stock.world.admin, { orderId, status: "CONFIRMED" });
      orderIds.push(orderId);
    }
    const admin = stock.world.admin;
    const at = stock.clock.now();
    const work: (() => Promise<unknown>)[] = products.flatMap(({ product, lotIds }): (() => Promise<unknown>)[] => [
      ...[1, 2, 3, 4, 5, 6, 7, 8].map(
        (q) => () => receiveLot(stock.deps, admin, { productId: product.id, locationId: stock.world.shop.id, lotNumber: "A", quantity: q }),
      ),
      ...[3, -2, 5, -1, 4, -3, 2, -4].map(
        (change, i) => () => adjustLot(stock.deps, admin, { lotId: lotIds[i % 3] as string, change, reason: "race recount" }),
      ),
      ...[1, 2, 1, 3, 2].map(
        (quantity, i) => () => writeOffLot(stock.deps, admin, { lotId: lotIds[i % 3] as string, quantity, reason: i % 2 ? "EXPIRED" : "DAMAGED" }),
      ),
      // The stock paths lock the product first; these do not, so they meet on the same rollup rows.
      ...Array.from(
        { length: 20 },
        (_, i) => () =>
          stock.db.$transaction((tx) =>
            applyMovement(tx, {
              lotId: lotIds[i % 3] as string,
              type: i % 2 ? "RETURN" : "COUNT",
              quantity: i % 2 ? 1 : -1,
              reason: "race",
              actor: "test",
              at,
            }),
          ),
      ),
    ]);
    work.push(...orderIds.map((orderId) => () => setOrderStatus(stock.deps, admin, { orderId, status: "DISPATCHED" })));
    await Promise.all(work.map((run) => run()));

    expect(await validateRollups(stock.db)).toEqual([]);
    expect(await validateInventory(stock.db, stock.clock.now())).toEqual([]);
    // By hand, for the first product (orders 0, 2, 4, 6, 8, 10: 1+3+2+1+3+2 = 12 units at 900).
    const firstSums = await sums(first.product.id);
    const fulfilled = firstSums.find((s) => s.type === "FULFILMENT");
    expect(fulfilled).toMatchObject({ unitsIn: 0, unitsOut: -12, revenueCents: 12 * 900, movements: expect.any(Number) });
    expect(firstSums.find((s) => s.type === "RECEIPT")).toMatchObject({ unitsIn: 3000 + 36, unitsOut: 0, costCents: 1000 * 400 + 36 * 100, movements: 3 + 8 });
    expect(firstSums.find((s) => s.type === "ADJUSTMENT")).toMatchObject({ unitsIn: 14, unitsOut: -10, movements: 8 });
    expect(firstSums.find((s) => s.type === "WRITE_OFF")).toMatchObject({ unitsOut: -9, movements: 5 });
    expect(firstSums.find((s) => s.type === "RETURN")).toMatchObject({ unitsIn: 10, movements: 10 });
    expect(firstSums.find((s) => s.type === "COUNT")).toMatchObject({ unitsOut: -10, movements: 10 });
    // The producer's day, merged from the statements' rows: both products' 12 + 12 units fulfilled, 9 + 9 written off.
    const [day] = await stock.db.$queryRaw<{ fulfilled: number; writtenOff: number }[]>`
      SELECT SUM("fulfilledUnits")::int AS fulfilled, SUM("writtenOffUnits")::int AS "writtenOff" FROM "MovementDailyByProducer"
      WHERE "producerId" = ${stock.world.producer.id}::uuid AND day = ${at.toISOString().slice(0, 10)}::date`;
    expect(day).toEqual({ fulfilled: 24, writtenOff: 18 });
    const onHand = await stock.db.lot.aggregate({ where: { productId: first.product.id }, _sum: { onHand: true } });
    expect(onHand._sum.onHand).toBe(3000 + 36 + 14 - 10 - 9 + 10 - 10 - 12);
  }, 120_000);
});
