import { createDb } from "@stockroom/db";
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
import { startBenchDatabase } from "./bench-database.ts";
import { percentile } from "./http-load.ts";
import { seedAnalytics } from "./seed-analytics.ts";

const PRODUCTS = Number(process.env.BENCH_ANALYTICS_PRODUCTS ?? 20_000);
const CALLS = 20;
const WARMUP = 3;
const log = (line: string) => console.log(`[bench:analytics] ${line}`);

const { server, url } = await startBenchDatabase("bench-analytics", { isDurable: false });
try {
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
