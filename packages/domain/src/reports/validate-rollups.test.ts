import { appUrlFor, createDb } from "@stockroom/db";
import { TEST_APP_PASSWORD } from "@stockroom/db/testing";
import { describe, expect, it, onTestFinished } from "vitest";
import { adjustLot } from "../stock/adjust-lot.ts";
import { applyMovement } from "../stock/apply-movement.ts";
import { validateInventory } from "../stock/validate-inventory.ts";
import { writeOffLot } from "../stock/write-off-lot.ts";
import { productWithStock, useStockWorld } from "../testing/index.ts";
import { validateRollups } from "./validate-rollups.ts";

const stock = useStockWorld();
const DAY = "2026-06-01";

async function productWithHistory() {
  const { product, lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 10, unitCostCents: 250 }]);
  const lotId = lotIds[0] as string;
  await adjustLot(stock.deps, stock.world.admin, { lotId, change: 4, reason: "found in the back" });
  await adjustLot(stock.deps, stock.world.admin, { lotId, change: -1, reason: "miscounted" });
  await writeOffLot(stock.deps, stock.world.admin, { lotId, quantity: 2, reason: "DAMAGED" });
  return { productId: product.id, lotId };
}

const rollupProblems = async (productId: string) => (await validateInventory(stock.db, stock.clock.now())).filter((p) => p.productId === productId);

describe("validateInventory checks MovementDaily against the ledger", () => {
  it("passes on data written by the stock paths, and holds the sums the ledger has", async () => {
    const { productId } = await productWithHistory();
    expect(await validateInventory(stock.db, stock.clock.now())).toEqual([]);
    const rows = await stock.db.movementDaily.findMany({ where: { productId }, orderBy: { type: "asc" } });
    expect(rows.map((r) => [r.type, r.reason, Number(r.unitsIn), Number(r.unitsOut), Number(r.costCents), r.movements])).toEqual([
      ["RECEIPT", "", 10, 0, 2500, 1],
      ["ADJUSTMENT", "", 4, -1, 750, 2],
      ["WRITE_OFF", "write-off: damaged", 0, -2, -500, 1],
    ]);
    expect(rows.every((r) => r.day.toISOString().slice(0, 10) === DAY)).toBe(true);
  });

  it("reports a corrupted row, a missing row and a row with no movements behind it, each by product, day and type", async () => {
    const { productId } = await productWithHistory();
    // As the owner: the app role cannot write the table at all (next test).
    await stock.db
      .$executeRaw`UPDATE "MovementDaily" SET "unitsIn" = "unitsIn" + 3, "costCents" = "costCents" + 1 WHERE "productId" = ${productId}::uuid AND type = 'RECEIPT'`;
    expect(await rollupProblems(productId)).toEqual([
      {
        check: "rollup",
        lotId: "",
        lotNumber: "",
        productId,
        expected: 10,
        actual: 13,
        message: `MovementDaily (product ${productId}, ${DAY}, RECEIPT): unitsIn 13 but the ledger sums to 10; costCents 2501 but the ledger sums to 2500`,
      },
    ]);
    await stock.db.$executeRaw`DELETE FROM "MovementDaily" WHERE "productId" = ${productId}::uuid AND type = 'WRITE_OFF'`;
    await stock.db.$executeRaw`
      INSERT INTO "MovementDaily" ("productId", day, type, "producerId", "unitsIn", movements) VALUES (${productId}::uuid, '2026-05-31', 'RETURN', ${stock.world.producer.id}::uuid, 1, 1)`;
    const problems = await rollupProblems(productId);
    expect(problems.map((p) => [p.expected, p.actual, p.message.split("): ")[1]])).toEqual([
      [0, 1, "unitsIn 1 but the ledger sums to 0; movements 1 but the ledger sums to 0"],
      [10, 13, "unitsIn 13 but the ledger sums to 10; costCents 2501 but the ledger sums to 2500"],
      [-2, 0, "unitsOut 0 but the ledger sums to -2; costCents 0 but the ledger sums to -500; movements 0 but the ledger sums to 1"],
    ]);
    expect(problems.map((p) => p.message.split("): ")[0])).toEqual([
      `MovementDaily (product ${productId}, 2026-05-31, RETURN`,
      `MovementDaily (product ${productId}, ${DAY}, RECEIPT`,
      `MovementDaily (product ${productId}, ${DAY}, WRITE_OFF, "write-off: damaged"`,
    ]);
    // Put it right again for the other tests of this file's database.
    await stock.db.$executeRaw`DELETE FROM "MovementDaily" WHERE "productId" = ${productId}::uuid AND type = 'RETURN'`;
    await stock.db
      .$executeRaw`UPDATE "MovementDaily" SET "unitsIn" = "unitsIn" - 3, "costCents" = "costCents" - 1 WHERE "productId" = ${productId}::uuid AND type = 'RECEIPT'`;
    await stock.db.$executeRaw`
      INSERT INTO "MovementDaily" ("productId", day, type, reason, "producerId", "unitsOut", "costCents", movements)
      VALUES (${productId}::uuid, ${DAY}::date, 'WRITE_OFF', 'write-off: damaged', ${stock.world.producer.id}::uuid, -2, -500, 1)`;
    expect(await validateRollups(stock.db)).toEqual([]);
  });

  it("reports a producer's day whose rows do not add up to the ledger", async () => {
    await productWithHistory();
    const producerId = stock.world.producer.id;
    const [before] = await stock.db.$queryRaw<{ inUnits: number }[]>`
      SELECT SUM("inUnits")::int AS "inUnits" FROM "MovementDailyByProducer" WHERE "producerId" = ${producerId}::uuid AND day = ${DAY}::date`;
    await stock.db.$executeRaw`
      INSERT INTO "MovementDailyByProducer" ("producerId", day, "inUnits", "fulfilledUnits", "writtenOffUnits", movements) VALUES (${producerId}::uuid, ${DAY}::date, 5, 0, 0, 0)`;
    const inUnits = before?.inUnits as number;
    expect((await validateRollups(stock.db)).map((p) => [p.expected, p.actual, p.message])).toEqual([
      [inUnits, inUnits + 5, `MovementDailyByProducer (producer ${producerId}, ${DAY}): inUnits ${inUnits + 5} but the ledger sums to ${inUnits}`],
    ]);
    await stock.db.$executeRaw`DELETE FROM "MovementDailyByProducer" WHERE "producerId" = ${producerId}::uuid AND movements = 0`;
    expect(await validateRollups(stock.db)).toEqual([]);
  });

  it("the app role may read the rollup but not write it; its movements still reach it through the trigger", async () => {
    const { productId, lotId } = await productWithHistory();
    const appDb = createDb(appUrlFor(stock.url, TEST_APP_PASSWORD), { maxConnections: 2 });
    onTestFinished(() => appDb.$disconnect());
    await expect(appDb.$executeRaw`UPDATE "MovementDaily" SET "unitsIn" = 0 WHERE "productId" = ${productId}::uuid`).rejects.toThrow(/permission denied/);
    await expect(appDb.$executeRaw`DELETE FROM "MovementDaily" WHERE "productId" = ${productId}::uuid`).rejects.toThrow(/permission denied/);
    await expect(appDb.$executeRaw`DELETE FROM "MovementDailyByProducer"`).rejects.toThrow(/permission denied/);
    expect(await appDb.movementDaily.count({ where: { productId } })).toBe(3);
    await appDb.$transaction((tx) => applyMovement(tx, { lotId, type: "RETURN", quantity: 2, reason: "returned", actor: "test", at: stock.clock.now() }));
    const returned = await stock.db.movementDaily.findMany({ where: { productId, type: "RETURN" } });
    expect(returned.map((r) => [Number(r.unitsIn), r.movements])).toEqual([[2, 1]]);
    expect(await validateInventory(stock.db, stock.clock.now())).toEqual([]);
  });
});
