import { useTestDatabase } from "@stockroom/db/testing";
import { reserveCart } from "@stockroom/domain";
import { createStockWorld, createTestDeps, expectValidInventory, ManualClock, newCartId, productWithStock } from "@stockroom/domain/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startTestWorker } from "./testing/test-worker.ts";
import type { RunningWorker } from "./worker.ts";

const database = useTestDatabase();
// An hour before the real time: pg-boss runs a job when the database's clock reaches its startAfter,
// and startAfter comes from this clock, so every job these tests enqueue is due at once.
const clock = new ManualClock(new Date(Date.now() - 3_600_000));
let sender: Awaited<ReturnType<typeof createTestDeps>>;
let worker: RunningWorker | undefined;

beforeEach(async () => {
  clock.reset();
  sender = await createTestDeps(database.current.appDb, database.current.appUrl, clock);
});
afterEach(async () => {
  await worker?.stop(5_000);
  worker = undefined;
  await sender.close();
});

/** The worker starts only when a test has set its holds and its clock: no handler can run on a time the test is still moving. */
async function startWorkerNow(): Promise<RunningWorker> {
  worker = await startTestWorker(database.current, clock);
  return worker;
}

/** The hold.expire jobs naming a cart, as pg-boss has them now. */
const expireJobsOf = (cartId: string) => sender.boss.findJobs<{ cartIds: string[] }>("hold.expire", { data: { cartIds: [cartId] } });

describe("hold expiry", () => {
  it("the job enqueued with the hold releases it at expiresAt, and a refreshed hold survives its old job", async () => {
    const { deps } = sender;
    const world = await createStockWorld(database.current.db);
    const { product } = await productWithStock(deps, world, [{ quantity: 3 }]);

    const lapsing = newCartId();
    const held = await reserveCart(deps, { cartId: lapsing, lines: [{ productId: product.id, quantity: 1 }], ttlSeconds: 1 });
    const refreshed = newCartId();
    const kept = await reserveCart(deps, { cartId: refreshed, lines: [{ productId: product.id, quantity: 1 }], ttlSeconds: 1 });
    clock.advance(500);
    await reserveCart(deps, { cartId: refreshed, lines: [{ productId: product.id, quantity: 1 }], ttlSeconds: 60 });
    clock.advance(600);
    // Now: the lapsing hold is 100 ms past its expiresAt, the refreshed one has 59.9 s left; both carts' jobs are queued.
    expect((await expireJobsOf(lapsing)).map((j) => j.state)).toEqual(["created"]);
    expect((await expireJobsOf(refreshed)).map((j) => j.state)).toEqual(["created", "created"]);

    await startWorkerNow();
    await vi.waitFor(
      async () => {
        expect((await expireJobsOf(lapsing)).map((j) => [j.state, j.output])).toEqual([["completed", { expired: 1 }]]);
        expect((await expireJobsOf(refreshed)).map((j) => [j.state, j.output])).toEqual([
          ["completed", { expired: 0 }],
          ["completed", { expired: 0 }],
        ]);
      },
      { timeout: 15_000, interval: 100 },
    );
    const holdId = held.holds[0]?.holdId as string;
    const keptId = kept.holds[0]?.holdId as string;
    const holds = await database.current.db.hold.findMany({ where: { id: { in: [holdId, keptId] } } });
    expect(holds.find((h) => h.id === holdId)).toMatchObject({ status: "EXPIRED", statusReason: expect.stringContaining("released by the expiry job") });
    expect(holds.find((h) => h.id === keptId)?.status).toBe("HELD");
    await expectValidInventory(database.current.db, clock.now());
  });

  it("the sweeper releases due holds whose job never ran", async () => {
    const running = await startWorkerNow();
    // The sweep that ends the hold must be this test's job, not the minute's scheduled one.
    await running.boss.unschedule("hold.sweep");
    await running.boss.deleteQueuedJobs("hold.sweep");
    const world = await createStockWorld(database.current.db);
    const { product, lotIds } = await productWithStock(sender.deps, world, [{ quantity: 2 }]);
    // A hold written without its job (as if the job were lost): the sweep must still end it.
    const hold = await database.current.db.hold.create({
      data: {
        cartId: newCartId(),
        productId: product.id,
        quantity: 2,
        expiresAt: new Date(clock.now().getTime() - 1),
        allocations: { create: [{ lotId: lotIds[0] as string, quantity: 2 }] },
      },
    });
    await database.current.db.lot.update({ where: { id: lotIds[0] }, data: { reserved: 2 } });
    const jobId = (await running.deps.jobs.send("hold.sweep", {})) as string;
    const done = await vi.waitFor(
      async () => {
        const [job] = await sender.boss.findJobs("hold.sweep", { id: jobId });
        expect(job?.state).toBe("completed");
        return job;
      },
      { timeout: 15_000, interval: 100 },
    );
    expect((done?.output as { expired: number } | undefined)?.expired).toBeGreaterThanOrEqual(1);
    expect(await database.current.db.hold.findUniqueOrThrow({ where: { id: hold.id } })).toMatchObject({
      status: "EXPIRED",
      statusReason: expect.stringContaining("released by the sweeper"),
    });
    expect((await database.current.db.lot.findUniqueOrThrow({ where: { id: lotIds[0] } })).reserved).toBe(0);
  });
});
