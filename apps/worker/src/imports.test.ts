import { useTestDatabase } from "@stockroom/db/testing";
import { dryRunImport, requestImportApply } from "@stockroom/domain";
import { createStockWorld, createTestDeps, expectValidInventory, ManualClock, productWithStock } from "@stockroom/domain/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestWorker } from "./testing/test-worker.ts";
import type { RunningWorker } from "./worker.ts";

const database = useTestDatabase();
const clock = new ManualClock();
let worker: RunningWorker;

beforeAll(async () => {
  worker = await startTestWorker(database.current, clock);
});
afterAll(() => worker.stop(5_000));

describe("imports.apply job", () => {
  it("applies a queued stock import in the background as the app role, with progress to DONE", async () => {
    const sender = await createTestDeps(database.current.db, database.current.url, clock);
    try {
      const world = await createStockWorld(database.current.db);
      const { product } = await productWithStock(sender.deps, world, [], { sku: "JOB-1" });
      const file = "sku,location,lot_number,expiry,quantity\nJOB-1,Shop,J1,2027-01-01,12\nJOB-1,Back store,J2,,3\n";
      const actor = { ...world.admin };
      const report = await dryRunImport(sender.deps, actor, { kind: "STOCK", fileName: "job.csv", producerId: world.producer.id }, [Buffer.from(file)]);
      expect((await requestImportApply(sender.deps, actor, { importId: report.id })).status).toBe("QUEUED");
      await vi.waitFor(async () => expect((await database.current.db.import.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("DONE"), {
        timeout: 15_000,
        interval: 100,
      });
      expect(await database.current.db.import.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ doneRows: 2, totalRows: 2 });
      const lots = await database.current.db.lot.findMany({ where: { productId: product.id }, orderBy: { lotNumber: "asc" } });
      expect(lots.map((l) => [l.lotNumber, l.onHand])).toEqual([
        ["J1", 12],
        ["J2", 3],
      ]);
      await expectValidInventory(database.current.db, clock.now());
    } finally {
      await sender.close();
    }
  });
});
