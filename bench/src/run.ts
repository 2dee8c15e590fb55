// `pnpm bench`: one run on a fresh, durable embedded Postgres. Measures the raw single-statement
// ceiling, then drives the real server over HTTP, and reports ratios measured in the same run.
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb, findFreePort, REPO_ROOT } from "@stockroom/db";
import { adjustLot, type Deps, reserveCart, systemClock } from "@stockroom/domain";
import { startSendOnlyQueue } from "@stockroom/jobs";
import pg from "pg";
import { startArrivalRecorder } from "./alert-latency.ts";
import { startBenchDatabase } from "./bench-database.ts";
import { type LoadResult, load, loadByShape, percentile, timedGets } from "./http-load.ts";
import { holdsInProcess } from "./in-process.ts";
import type { MachineCpu } from "./machine-cpu.ts";
import { printTable } from "./print-table.ts";
import { startApp, waitForHttp } from "./processes.ts";
import { measureCeiling } from "./raw-ceiling.ts";
import { queryHeaders, queryPath, type RequestShape } from "./request-shapes.ts";
import { seedBench } from "./seed-bench.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
/** The request shapes measured side by side, and the one the headline numbers use (what the storefront sends). */
const SHAPES = ["httpLink", "httpBatchLink", "curl"] as const;
const MAIN_SHAPE: RequestShape = "httpLink";
const COMPARE_SECONDS = 6;
/** RATE_LIMIT_HOLDS_PER_IP_PER_MIN for the bench's server: one IP sends all the load. */
const BENCH_HOLDS_PER_IP_PER_MIN = 10_000_000;
const log = (line: string) => console.log(`[bench] ${line}`);
const busy = (m: MachineCpu) => `machine ${(m.busy * 100).toFixed(0)}% busy, steal ${(m.steal * 100).toFixed(1)}%`;

/** Everything started is stopped on the way out, also when a step fails. */
const cleanups: (() => Promise<unknown>)[] = [];

async function main() {
  const { server, url, postgresVersion } = await startBenchDatabase("bench");
  cleanups.push(() => server.stop());
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), postgres: postgresVersion, node: process.version },
  };

  log("raw ceiling: one hot row, 32 clients");
  const hotCeiling = await measureCeiling(url, { clients: 32, rows: 1, seconds: 5 });
  log(`  ${hotCeiling.txPerSecond.toFixed(0)} tx/s`);
  log("raw ceiling: 10,000 rows, 32 clients");
  const spreadCeiling = await measureCeiling(url, { clients: 32, rows: 10_000, seconds: 5 });
  log(`  ${spreadCeiling.txPerSecond.toFixed(0)} tx/s`);

  log("seeding 100,000 products (10,002 with stock) and 200,000 ended holds");
  const catalog = await seedBench(url, { spread: 10_000, limited: 1_000, catalogSize: 100_000, historicalHolds: 200_000 });
  const recorder = await startArrivalRecorder();
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  // Every request comes from one IP (loopback), a new cart each: the per-IP hold limit (default 600 a
  // minute) is raised to 10,000,000 a minute so it never binds; the per-cart limit keeps its default.
  const app = startApp("server", {
    DATABASE_URL: url,
    PORT: String(port),
    SERVE_SPAS: "false",
    DB_POOL_SIZE: "40",
    RATE_LIMIT_HOLDS_PER_IP_PER_MIN: String(BENCH_HOLDS_PER_IP_PER_MIN),
  });
  log(`server: hold rate limit ${BENCH_HOLDS_PER_IP_PER_MIN.toLocaleString("en")} per IP per minute (all load comes from loopback)`);
  const worker = startApp("worker", {
    DATABASE_URL: url,
    SMS_PROVIDER: "termii",
    TERMII_BASE_URL: recorder.url,
    TERMII_API_KEY: "bench",
    POLLING_INTERVAL_SECONDS: "0.5",
  });
  // Stopped (cleanups run in reverse) before the database: a child left running would outlive the
  // bench and keep retrying its connections, taking CPU from the next run.
  cleanups.push(
    () => app.stop(),
    () => worker.stop(),
  );
  await waitForHttp(`${base}/healthz`);

  const report = (label: string, r: LoadResult) => {
    const direct = `${((100 * r.direct) / r.requests).toFixed(0)}% answered by the fast path`;
    log(`  ${label}: ${r.perSecond.toFixed(0)} holds/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, ${direct}; ${busy(r.machine)}`);
  };
  /**
   * The headline: MAIN_SHAPE for SECONDS after WARMUP_SECONDS, one continuous load as in earlier runs.
   * Then every shape for COMPARE_SECONDS each, in alternating 2 s slices, so they can be compared.
   */
  const holds = async (label: string, productFor: () => string) => {
    log(`${label}, 256 connections, ${MAIN_SHAPE}: ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up`);
    const main = await load({ url: base, connections: 256, duration: SECONDS, warmupSeconds: WARMUP_SECONDS, shape: MAIN_SHAPE, productFor });
    report(MAIN_SHAPE, main);
    log(`${label}, 256 connections, ${SHAPES.join(" / ")} in alternating 2 s slices, ${COMPARE_SECONDS} s each`);
    const rounds = COMPARE_SECONDS / 2;
    const byShape = await loadByShape({ url: base, connections: 256, productFor }, SHAPES, { seconds: COMPARE_SECONDS, warmupSeconds: 0, rounds });
    for (const [shape, r] of Object.entries(byShape) as [RequestShape, LoadResult][]) report(shape, r);
    return { main, byShape };
  };
  const spreadProduct = () => catalog.spreadProductIds[Math.floor(Math.random() * catalog.spreadProductIds.length)] as string;

  const { main: hot, byShape: hotByShape } = await holds("hot SKU", () => catalog.hotProductId);

  log(`hot SKU with stock 1,000: 5,000 attempts, ${MAIN_SHAPE} requests, 256 connections`);
  const limited = await load({ url: base, connections: 256, amount: 5_000, shape: MAIN_SHAPE, productFor: () => catalog.limitedProductId });
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  const held = await check.query<{ units: number; reserved: number; on_hand: number }>(
    `SELECT (SELECT COALESCE(SUM(quantity), 0)::int FROM "Hold" WHERE "productId" = $1 AND status = 'HELD') AS units,
            (SELECT reserved FROM "Lot" WHERE "productId" = $1) AS reserved, (SELECT "onHand" FROM "Lot" WHERE "productId" = $1) AS on_hand`,
    [catalog.limitedProductId],
  );
  const limitedRow = held.rows[0] as { units: number; reserved: number; on_hand: number };
  log(`  ${limited.ok} succeeded, ${limited.conflicts} conflicts, held units ${limitedRow.units}, oversold ${Math.max(0, limitedRow.units - 1_000)}`);

  const { main: spread, byShape: spreadByShape } = await holds("10,000 SKUs spread", spreadProduct);

  log("catalog list and search over 100,000 products, 4 clients, 1,000 requests each after 200 of warm-up");
  const words = ["maple", "nova", "cedar", "ember", "grove 12", "BENCH", "harbor lumen"];
  const catalogTimings = async (shape: RequestShape) => {
    const listPath = () => queryPath(shape, "catalog.list", { page: 1 + Math.floor(Math.random() * 40) });
    const searchPath = () => queryPath(shape, "catalog.list", { search: words[Math.floor(Math.random() * words.length)] });
    await timedGets(base, listPath, 200, 4, queryHeaders(shape)); // warm-up, not measured
    const list = await timedGets(base, listPath, 1_000, 4, queryHeaders(shape));
    await timedGets(base, searchPath, 200, 4, queryHeaders(shape));
    const search = await timedGets(base, searchPath, 1_000, 4, queryHeaders(shape));
    log(
      `  ${shape}: ${((100 * (list.direct + search.direct)) / 2_000).toFixed(0)}% answered by the fast path; client p95: list ${list.p95.toFixed(1)} ms, search ${search.p95.toFixed(1)} ms; server p95: list ${list.server.p95.toFixed(1)} ms, search ${search.server.p95.toFixed(1)} ms; ${busy(search.machine)}`,
    );
    return { listMs: list, searchMs: search };
  };
  const catalogByShape: Record<string, Awaited<ReturnType<typeof catalogTimings>>> = {};
  for (const shape of SHAPES) catalogByShape[shape] = await catalogTimings(shape);

  // In-process deps for the worker-side measurements: the same domain functions the API calls.
  const db = createDb(url, { maxConnections: 8 });
  cleanups.push(() => db.$disconnect());
  const queue = await startSendOnlyQueue(url, { maxConnections: 4 });
  cleanups.push(() => queue.stop());
  const deps: Deps = { db, jobs: queue.jobs, clock: systemClock };
  const benchAdmin = {
    kind: "staff" as const,
    staffId: "00000000-0000-4000-8000-000000000000",
    email: "bench@stockroom.test",
    name: "Bench",
    role: "PLATFORM_ADMIN" as const,
    producerId: null,
  };

  log("hold path in-process (coalescer, no HTTP), 256 callers, 5 s each: hot SKU, then 10,000 SKUs");
  const inProcessHot = await holdsInProcess(deps, url, { callers: 256, seconds: 5, productFor: () => catalog.hotProductId });
  const inProcessSpread = await holdsInProcess(deps, url, {
    callers: 256,
    seconds: 5,
    productFor: () => catalog.spreadProductIds[Math.floor(Math.random() * catalog.spreadProductIds.length)] as string,
  });
  log(`  hot ${inProcessHot.perSecond.toFixed(0)} holds/s, spread ${inProcessSpread.perSecond.toFixed(0)} holds/s`);

  log("low-stock alert latency: 40 products cross below their minimum");
  await db.alertSettings.create({
    data: {
      producerId: catalog.producerId,
      emailRecipients: [],
      smsRecipients: ["+15550000001"],
      whatsappRecipients: [],
      lowStockChannels: ["SMS"],
      escalationChannels: [],
      expiryChannels: [],
    },
  });
  const alertProducts = catalog.spreadProductIds.slice(-40);
  await db.$executeRaw`UPDATE "Product" p SET "minStockLevel" = l."onHand" - l.reserved FROM "Lot" l WHERE l."productId" = p.id AND p.id = ANY(${alertProducts}::uuid[])`;
  const lots = await db.lot.findMany({ where: { productId: { in: alertProducts } }, include: { product: { select: { sku: true } } } });
  const committed = new Map<string, number>();
  for (const lot of lots) {
    await adjustLot(deps, benchAdmin, { lotId: lot.id, change: -1, reason: "bench: cross the minimum" });
    committed.set(lot.product.sku, Date.now());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const skuOf = await waitForArrivals(recorder, committed.size);
  const latencies = [...committed].map(([sku, at]) => (skuOf.get(sku) ?? Number.NaN) - at).sort((a, b) => a - b);
  const alertLatency = { count: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1) };
  log(`  commit -> provider request: p50 ${alertLatency.p50} ms, p95 ${alertLatency.p95} ms`);

  log("hold release lag after expiresAt: 40 holds with a 2 s TTL, no further traffic");
  const holdIds: string[] = [];
  for (const productId of catalog.spreadProductIds.slice(0, 40)) {
    const r = await reserveCart(deps, { cartId: randomBytes(16).toString("base64url"), lines: [{ productId, quantity: 1 }], ttlSeconds: 2 });
    holdIds.push(...r.holds.map((h) => h.holdId));
  }
  const lag = await waitForRelease(db, holdIds);
  log(`  lag p50 ${lag.p50} ms, p95 ${lag.p95} ms, max ${lag.max} ms`);

  const memory = { serverPeakMiB: app.peakMemoryMiB(), workerPeakMiB: worker.peakMemoryMiB() };
  await check.end();

  Object.assign(results, {
    ceiling: { hotRow32Clients: hotCeiling, spread10k32Clients: spreadCeiling },
    hotSku: { ...hot, ratioToHotCeiling: hot.perSecond / hotCeiling.txPerSecond },
    mainShape: MAIN_SHAPE,
    hotSkuByShape: ratios(hotByShape, hotCeiling.txPerSecond),
    hotSkuLimited: {
      attempts: 5_000,
      stock: 1_000,
      succeeded: limited.ok,
      conflicts: limited.conflicts,
      errors: limited.errors,
      heldUnits: limitedRow.units,
      oversold: Math.max(0, limitedRow.units - 1_000),
      lotReserved: limitedRow.reserved,
      lotOnHand: limitedRow.on_hand,
    },
    spread: { ...spread, ratioToSpreadCeiling: spread.perSecond / spreadCeiling.txPerSecond },
    spreadByShape: ratios(spreadByShape, spreadCeiling.txPerSecond),
    holdPathInProcess: {
      hot: { ...inProcessHot, ratioToHotCeiling: inProcessHot.perSecond / hotCeiling.txPerSecond },
      spread: { ...inProcessSpread, ratioToSpreadCeiling: inProcessSpread.perSecond / spreadCeiling.txPerSecond },
    },
    catalog: { products: 100_000, ...catalogByShape[MAIN_SHAPE] },
    catalogByShape,
    lowStockAlertLatencyMs: alertLatency,
    holdReleaseLagMs: lag,
    memory,
  });
  const out = path.join(REPO_ROOT, "bench/results/latest.json");
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  log(`written ${path.relative(REPO_ROOT, out)}`);
}

/** Each shape's result with its ratio to the same run's ceiling. */
function ratios(byShape: Record<string, LoadResult>, ceiling: number) {
  return Object.fromEntries(Object.entries(byShape).map(([shape, r]) => [shape, { ...r, ratioToCeiling: r.perSecond / ceiling }]));
}

async function waitForArrivals(recorder: Awaited<ReturnType<typeof startArrivalRecorder>>, expected: number) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && recorder.arrivalsBySku.size < expected) await new Promise((resolve) => setTimeout(resolve, 100));
  return recorder.arrivalsBySku;
}

async function waitForRelease(db: ReturnType<typeof createDb>, holdIds: string[]) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const remaining = await db.hold.count({ where: { id: { in: holdIds }, status: "HELD" } });
    if (remaining === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const holds = await db.hold.findMany({ where: { id: { in: holdIds } }, select: { expiresAt: true, updatedAt: true, status: true } });
  const lags = holds
    .filter((h) => h.status === "EXPIRED")
    .map((h) => h.updatedAt.getTime() - h.expiresAt.getTime())
    .sort((a, b) => a - b);
  return { released: lags.length, of: holdIds.length, p50: percentile(lags, 50), p95: percentile(lags, 95), max: lags.at(-1) };
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    // Apps first (they hold connections), then the database last.
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error("[bench] cleanup failed:", error));
    process.exit();
  });
