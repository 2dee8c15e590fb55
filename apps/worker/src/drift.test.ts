import { useTestDatabase } from "@stockroom/db/testing";
import { createStockWorld, ManualClock, productWithStock } from "@stockroom/domain/testing";
import { createServiceMetrics } from "@stockroom/metrics";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestWorker } from "./testing/test-worker.ts";
import type { RunningWorker } from "./worker.ts";

const database = useTestDatabase({ maxConnections: 10 });
const clock = new ManualClock(new Date("2026-06-01T09:00:00Z"));
let worker: RunningWorker;

beforeAll(async () => {
  worker = await startTestWorker(database.current, clock);
});
afterAll(() => worker?.stop(5_000));

const driftMetric = async () =>
  (
    await createServiceMetrics("worker", database.current.db, { seedCacheMs: 0 }).registry.getSingleMetricAsString("stockroom_inventory_drift_violations")
  ).trim();

describe("the drift detector", () => {
  it("a clean check is recorded with 0; a lot changed behind the ledger's back is found, kept, exported and sent to the platform admins; nothing is fixed", async () => {
    const world = await createStockWorld(database.current.db);
    const { lotIds } = await productWithStock(worker.deps, world, [{ quantity: 10 }, { quantity: 5 }]);
    await worker.deps.jobs.send("inventory.check", { trigger: "manual" });
    await vi.waitFor(async () => expect(await database.current.db.inventoryCheck.count()).toBe(1), { timeout: 15_000, interval: 200 });
    expect(await driftMetric()).toMatch(/stockroom_inventory_drift_violations\{check="latest",service="worker"\} 0$/);

    // Behind the ledger's back: on hand no longer equals the sum of the lot's movements.
    await database.current.db.$executeRaw`UPDATE "Lot" SET "onHand" = "onHand" + 3 WHERE id = ${lotIds[0]}::uuid`;
    await worker.deps.jobs.send("inventory.check", { trigger: "manual" });
    await vi.waitFor(async () => expect(await database.current.db.inventoryCheck.count()).toBe(2), { timeout: 15_000, interval: 200 });
    const latest = await database.current.db.inventoryCheck.findFirstOrThrow({ orderBy: { finishedAt: "desc" } });
    expect(latest).toMatchObject({ trigger: "manual", violations: 1 });
    expect(latest.problems).toEqual([expect.objectContaining({ check: "ledger", lotId: lotIds[0], expected: 10, actual: 13 })]);
    expect(await driftMetric()).toMatch(/stockroom_inventory_drift_violations\{check="latest",service="worker"\} 1$/);

    const notices = await database.current.db.notification.findMany({ where: { template: "inventory-drift" } });
    expect(notices.map((n) => n.recipient)).toEqual([world.admin.email]);
    expect(notices[0]?.body).toContain(`(${lotIds[0]}): ledger: on hand 13 but movements sum to 10`);
    await vi.waitFor(
      async () => expect((await database.current.db.notification.findFirstOrThrow({ where: { template: "inventory-drift" } })).status).toBe("OUTBOX"),
      {
        timeout: 15_000,
        interval: 200,
      },
    );
    // Reported, not repaired.
    expect((await database.current.db.lot.findUniqueOrThrow({ where: { id: lotIds[0] } })).onHand).toBe(13);
  });
});
