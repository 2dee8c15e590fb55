import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { useTestDatabase } from "@stockroom/db/testing";
import { createStockWorld, ManualClock, productWithStock } from "@stockroom/domain/testing";
import { createServiceMetrics, serveMetrics } from "@stockroom/metrics";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestWorker } from "./testing/test-worker.ts";
import type { RunningWorker } from "./worker.ts";

const database = useTestDatabase({ maxConnections: 10 });
const clock = new ManualClock(new Date("2026-06-01T09:00:00Z"));
const TOKEN = "worker-scrape-token-0123";
let worker: RunningWorker;
let server: Server;
let url: string;

beforeAll(async () => {
  const metrics = createServiceMetrics("worker", database.current.appDb, { seedCacheMs: 0 });
  worker = await startTestWorker(database.current, clock, { metrics });
  // Only the token opens it: no address range is allowed.
  server = await serveMetrics(metrics, { host: "127.0.0.1", port: 0, access: { token: TOKEN, allow: [] } });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
});
afterAll(async () => {
  server?.close();
  await worker?.stop(5_000);
});

describe("the worker's /metrics", () => {
  it("refuses a scrape without the token; with it, each handled job's duration by queue and outcome", async () => {
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(url, { headers: { authorization: "Bearer wrong-token-wrong-token" } })).status).toBe(403);
    const world = await createStockWorld(database.current.db);
    const { product } = await productWithStock(worker.deps, world, [{ quantity: 1 }], { minStockLevel: 5 });
    await worker.deps.jobs.send("stock.check-low", { productId: product.id });
    await vi.waitFor(
      async () => {
        const text = await (await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
        expect(text).toMatch(/stockroom_job_duration_seconds_count\{service="worker",queue="stock\.check-low",outcome="completed"\} [1-9]\d*\n/);
      },
      { timeout: 15_000, interval: 200 },
    );
  });
});
