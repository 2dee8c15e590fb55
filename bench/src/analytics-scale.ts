// `pnpm bench:analytics`: a year of analytics for a producer with 20,000 products and 1,000,000
// movements, on a fresh embedded Postgres (.data/bench-analytics). Times each analytics domain
// function over a 365-day range as that producer's admin and as a platform admin: p50 / p95 of 20
// calls after 3 of warm-up. Issue 19's goal: <= 200 ms.
import { rm } from "node:fs/promises";
import path from "node:path";
import { applyMigrations, assertDataDirFree, createDb, DATA_DIR, startEmbeddedPostgres } from "@stockroom/db";
import {
  addDays,
  type Deps,
  expiryWasteReport,
  lowStockTrend,
  profitability,
  restockRecommendations,
  type StaffActor,
  stockMovementSeries,
  systemClock,
  utcDay,
} from "@stockroom/domain";
import { startSendOnlyQueue } from "@stockroom/jobs";
import pg from "pg";
import { percentile } from "./http-load.ts";
import { seedAnalytics } from "./seed-analytics.ts";

const PRODUCTS = Number(process.env.BENCH_ANALYTICS_PRODUCTS ?? 20_000);
const CALLS = 20;
const WARMUP = 3;
const log = (line: string) => console.log(`[bench:analytics] ${line}`);

const dataDir = path.join(DATA_DIR, "bench-analytics");
assertDataDirFree(dataDir);
await rm(dataDir, { recursive: true, force: true });
const server = await startEmbeddedPostgres({ dataDir, isDurable: false });
try {
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE stockroom");
  await admin.end();
  const url = server.urlFor("stockroom");
  await applyMigrations(url);
  const today = utcDay(new Date());
  log(`seeding ${PRODUCTS.toLocaleString("en")} products x 50 movements over a year`);
  const seedStarted = performance.now();
  const { producerId } = await seedAnalytics(url, { products: PRODUCTS, today });
  log(`  seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const db = createDb(url, { maxConnections: 2 });
  const queue = await startSendOnlyQueue(url, { maxConnections: 1 });
  const deps: Deps = { db, jobs: queue.jobs, clock: systemClock };
  const base = { kind: "staff" as const, email: "bench@stockroom.test", name: "Bench" };
  const actors: [string, StaffActor][] = [
    ["producer", { ...base, staffId: "00000000-0000-4000-8000-000000000001", role: "PRODUCER_ADMIN", producerId }],
    ["platform", { ...base, staffId: "00000000-0000-4000-8000-000000000002", role: "PLATFORM_ADMIN", producerId: null }],
  ];
  const range = { from: addDays(today, -364), to: today };
  const cases: [string, (actor: StaffActor) => Promise<unknown>][] = [
    ["stockMovementSeries (day)", (a) => stockMovementSeries(deps, a, range)],
    ["stockMovementSeries (week)", (a) => stockMovementSeries(deps, a, { ...range, bucket: "week" })],
    ["lowStockTrend", (a) => lowStockTrend(deps, a, range)],
    ["restockRecommendations", (a) => restockRecommendations(deps, a, {})],
    ["profitability", (a) => profitability(deps, a, range)],
    ["expiryWasteReport", (a) => expiryWasteReport(deps, a, range)],
  ];
  const table: Record<string, Record<string, string>> = {};
  for (const [name, call] of cases) {
    const row: Record<string, string> = {};
    for (const [label, actor] of actors) {
      for (let i = 0; i < WARMUP; i++) await call(actor);
      const times: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const started = performance.now();
        await call(actor);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      row[`${label} p50 (ms)`] = percentile(times, 50).toFixed(1);
      row[`${label} p95 (ms)`] = percentile(times, 95).toFixed(1);
    }
    table[name] = row;
    log(`  ${name}: ${JSON.stringify(row)}`);
  }
  console.table(table);
  await queue.stop();
  await db.$disconnect();
} finally {
  await server.stop();
}
