import { useTestDatabase } from "@stockroom/db/testing";
import { placeOrder } from "@stockroom/domain";
import { createStockWorld, createTestDeps, expectValidInventory, ManualClock, newCartId, productWithStock, TEST_CHECKOUT } from "@stockroom/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkerEnv } from "./env.ts";
import { startTestWorker } from "./testing/test-worker.ts";
import type { RunningWorker } from "./worker.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date(Date.now() - 10 * 3_600_000));
let worker: RunningWorker;

beforeAll(async () => {
  worker = await startTestWorker(database.current, clock, { isSpyEnabled: true, pendingOrderTtlHours: 2 });
});
afterAll(() => worker.stop(5_000));

describe("PENDING order expiry job", () => {
  it("is scheduled hourly and cancels orders past PENDING_ORDER_TTL_HOURS, releasing their stock with the reason", async () => {
    expect((await worker.boss.getSchedules()).map((s) => [s.name, s.cron])).toContainEqual(["orders.expire-pending", "23 * * * *"]);
    const sender = await createTestDeps(database.current.db, database.current.url, clock);
    try {
      const world = await createStockWorld(database.current.db);
      const { product, lotIds } = await productWithStock(sender.deps, world, [{ quantity: 5 }]);
      const { orders } = await placeOrder(sender.deps, { ...TEST_CHECKOUT, cartId: newCartId(), lines: [{ productId: product.id, quantity: 5 }] });
      const orderId = orders[0]?.orderId as string;
      clock.advance(2 * 3_600_000 + 1_000);

      const jobId = (await worker.deps.jobs.send("orders.expire-pending", {})) as string;
      const done = await worker.boss.getSpy("orders.expire-pending").waitForJobWithId(jobId, "completed");
      expect(done.output).toEqual({ cancelled: 1 });
      const order = await database.current.db.order.findUniqueOrThrow({ where: { id: orderId } });
      expect(order).toMatchObject({ status: "CANCELLED", cancelReason: "Not confirmed within 2 hours" });
      expect((await database.current.db.lot.findUniqueOrThrow({ where: { id: lotIds[0] } })).reserved).toBe(0);
      await expectValidInventory(database.current.db, clock.now());
    } finally {
      await sender.close();
    }
  });

  it("reads PENDING_ORDER_TTL_HOURS (48 by default) and names a bad value", () => {
    const base = { DATABASE_URL: "postgres://localhost/x" };
    expect(loadWorkerEnv(base).PENDING_ORDER_TTL_HOURS).toBe(48);
    expect(loadWorkerEnv({ ...base, PENDING_ORDER_TTL_HOURS: "6" }).PENDING_ORDER_TTL_HOURS).toBe(6);
    expect(() => loadWorkerEnv({ ...base, PENDING_ORDER_TTL_HOURS: "0" })).toThrowError(/PENDING_ORDER_TTL_HOURS: /);
  });
});
