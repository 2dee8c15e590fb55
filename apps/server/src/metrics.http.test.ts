import { randomBytes } from "node:crypto";
import { createPool } from "@stockroom/db";
import { useTestDatabase } from "@stockroom/db/testing";
import { createHoldCoalescer, MetricCounters } from "@stockroom/domain";
import { createStockWorld, createTestDeps, productWithStock } from "@stockroom/domain/testing";
import { createServiceMetrics } from "@stockroom/metrics";
import type { FastifyInstance } from "fastify";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./app.ts";

const database = useTestDatabase();
const TOKEN = "scrape-token-0123456789";
const env = {
  LOG_LEVEL: "silent" as const,
  SESSION_TTL_HOURS: 12,
  SERVE_SPAS: false,
  COOKIE_SECURE: false,
  METRICS_TOKEN: TOKEN,
  METRICS_ALLOW: ["10.1.0.0/16"],
};

/** Two server "processes": each its own deps (pools, counters) and app, on one database. */
const processes: { app: FastifyInstance; counters: MetricCounters; close: () => Promise<void> }[] = [];
beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const testDeps = await createTestDeps(database.current.appDb, database.current.appUrl);
    const counters = new MetricCounters(database.current.appDb);
    // The first "process" groups its holds into batches, as `pnpm start` does.
    const pool = i === 0 ? createPool(database.current.appUrl, 2) : undefined;
    const holdCoalescer = pool ? createHoldCoalescer({ pool, jobs: testDeps.deps.jobs, clock: testDeps.deps.clock, lanes: 1, depth: 2 }) : undefined;
    // No scrape cache: each scrape reads the database.
    const metrics = createServiceMetrics("server", database.current.appDb, { seedCacheMs: 0, holdBatches: () => holdCoalescer?.stats() });
    const app = await buildServer({ env, deps: { ...testDeps.deps, counters, holdCoalescer }, metrics });
    processes.push({
      app,
      counters,
      close: async () => {
        await app.close();
        await holdCoalescer?.drained();
        await pool?.end();
        await testDeps.close();
      },
    });
  }
});
afterAll(async () => {
  for (const p of processes) await p.close();
});

type Family = { name: string; metrics: { value?: string; labels?: Record<string, string>; buckets?: unknown }[] };
async function scrape(app: FastifyInstance): Promise<Map<string, Family>> {
  const response = await app.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${TOKEN}` }, remoteAddress: "203.0.113.9" });
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  const families = parsePrometheusTextFormat(response.body) as Family[];
  return new Map(families.map((f) => [f.name, f]));
}
const seriesValue = (families: Map<string, Family>, name: string, labels: Record<string, string> = {}) =>
  Number(families.get(name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value);

describe("/metrics", () => {
  it("refuses a scrape without the token from outside METRICS_ALLOW; allows the token, or an allowed address", async () => {
    const [{ app }] = processes as [(typeof processes)[0]];
    const denied = await app.inject({ method: "GET", url: "/metrics", remoteAddress: "203.0.113.9" });
    expect(denied.statusCode).toBe(403);
    expect(denied.body).not.toContain("stockroom_");
    const wrongToken = await app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: "Bearer not-the-token-at-all" },
      remoteAddress: "10.1.2.3",
    });
    expect(wrongToken.statusCode).toBe(403);
    expect((await app.inject({ method: "GET", url: "/metrics", remoteAddress: "10.1.2.3" })).statusCode).toBe(200);
  });

  it("parses as Prometheus text; the seed metrics agree across two processes and count each hold once", async () => {
    const world = await createStockWorld(database.current.db);
    const setup = await createTestDeps(database.current.db, database.current.url);
    const { product } = await productWithStock(setup.deps, world, [{ quantity: 3 }]);
    await setup.close();
    const hold = (app: FastifyInstance) =>
      app.inject({
        method: "POST",
        url: "/api/cart/reserve",
        headers: { "content-type": "application/json", "x-stockroom-csrf": "1", "x-cart-token": randomBytes(16).toString("base64url") },
        payload: { lines: [{ productId: product.id, quantity: 1 }] },
      });
    // Three succeed (two on one process, one on the other), then two are refused.
    const codes = [];
    for (const p of [0, 1, 0, 1, 0]) codes.push((await hold((processes[p] as (typeof processes)[0]).app)).statusCode);
    expect(codes).toEqual([200, 200, 200, 409, 409]);
    for (const p of processes) await p.counters.flush();
    const [a, b] = [await scrape((processes[0] as (typeof processes)[0]).app), await scrape((processes[1] as (typeof processes)[0]).app)];
    for (const families of [a, b]) {
      expect(seriesValue(families, "stockroom_reservations_total", { outcome: "succeeded" })).toBe(3);
      expect(seriesValue(families, "stockroom_reservations_total", { outcome: "refused" })).toBe(2);
      expect(seriesValue(families, "stockroom_reservation_success_ratio")).toBe(0.6);
      // Absent, not zero: nothing has been counted yet.
      expect(families.get("stockroom_stock_accuracy_ratio")?.metrics ?? []).toEqual([]);
    }
    // (The parser drops a histogram's labels: read its count lines as text.)
    const text = (await (processes[0] as (typeof processes)[0]).app.inject({ method: "GET", url: "/metrics", remoteAddress: "10.1.2.3" })).body;
    expect(text).toContain('stockroom_http_request_duration_seconds_count{service="server",procedure="/api/cart/reserve",method="POST",status="409"} 1');
    expect(a.has("nodejs_eventloop_lag_seconds")).toBe(true);
    // The first process's coalescer took its three holds (two held, one refused) in one to three batches.
    expect(seriesValue(a, "stockroom_hold_requests_total")).toBe(3);
    expect(seriesValue(a, "stockroom_hold_batches_total")).toBeGreaterThanOrEqual(1);
    expect(seriesValue(a, "stockroom_hold_batches_total")).toBeLessThanOrEqual(3);
    expect(b.has("stockroom_hold_requests_total")).toBe(true);
    expect(seriesValue(b, "stockroom_hold_requests_total")).toBe(0);
    expect(a.has("process_resident_memory_bytes")).toBe(true);
    expect(seriesValue(a, "stockroom_job_queue_depth", { queue: "hold.expire", state: "created" })).toBeGreaterThanOrEqual(3);
  });
});
