// `pnpm bench:admin`: the admin's screens at scale (issue 19). A fresh durable embedded Postgres with
// 100,000 products and a producer of 20,000 with a year of history, the real server process, and
// every admin request timed as the admin SPA sends it, signed in as a platform admin and as the
// big producer's owner. Writes bench/results/admin.json and prints a table.

import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort, REPO_ROOT } from "@stockroom/db";
import { startBenchDatabase } from "../bench-database.ts";
import { startApp, waitForHttp } from "../processes.ts";
import { adminHeaders, signIn } from "./admin-requests.ts";
import { casesFor, GOALS } from "./cases.ts";
import { pathFor, type TimingOptions, timeRequests } from "./measure.ts";
import { printAdminTable } from "./print-admin-table.ts";
import type { AdminResults } from "./results.ts";
import { BENCH_STAFF, seedAdminScale } from "./seed.ts";

const PRODUCTS = Number(process.env.BENCH_ADMIN_PRODUCTS ?? 100_000);
/** ~10 untimed then ~50 timed requests from 4 clients, each phase within its seconds (the slowest reports run minutes otherwise). */
const TIMING: TimingOptions = {
  warmup: Number(process.env.BENCH_ADMIN_WARMUP ?? 10),
  timed: Number(process.env.BENCH_ADMIN_REQUESTS ?? 50),
  concurrency: 4,
  warmupSeconds: 2,
  timedSeconds: Number(process.env.BENCH_ADMIN_SECONDS ?? 5),
};
/** Who is measured, and the deep page each one opens (the big producer's list is 400 pages of 50). */
const STAFF = [
  { name: "platform admin", credentials: BENCH_STAFF.admin, deepPage: 1_000 },
  { name: "producer owner", credentials: BENCH_STAFF.owner, deepPage: 300 },
] as const;
const log = (line: string) => console.log(`[bench:admin] ${line}`);

/** Everything started is stopped on the way out, also when a step fails. */
const cleanups: (() => Promise<unknown>)[] = [];

async function main() {
  const { server, url, postgresVersion: postgres } = await startBenchDatabase("bench-admin");
  cleanups.push(() => server.stop());

  log(`seeding ${PRODUCTS.toLocaleString("en")} products and the big producer's year`);
  const data = await seedAdminScale(url, PRODUCTS, log);
  log(`  seeded in ${data.seedSeconds.toFixed(0)} s; inventory valid (checked in ${data.validateSeconds.toFixed(0)} s)`);

  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const app = startApp("server", { DATABASE_URL: url, PORT: String(port), SERVE_SPAS: "false", LOG_LEVEL: "error" });
  cleanups.push(() => app.stop());
  await waitForHttp(`${base}/healthz`);

  const results: AdminResults = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), postgres, node: process.version },
    data,
    timing: TIMING,
    isComplete: false,
    measures: [],
  };
  const out = path.join(REPO_ROOT, "bench/results/admin.json");
  const save = () => writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  for (const staff of STAFF) {
    const cookie = await signIn(base, staff.credentials);
    log(`${staff.name}: signed in; ${TIMING.timed} timed requests per measure after ${TIMING.warmup}, ${TIMING.concurrency} clients`);
    for (const c of casesFor(staff.deepPage, "BIG-012345")) {
      const headers = adminHeaders(cookie, c.page);
      const { path: requestPath, reachedBy } = await pathFor(base, c, headers);
      const measured = await timeRequests(base, requestPath, headers, TIMING);
      const label = reachedBy ? `${c.label} (by ${reachedBy})` : c.label;
      results.measures.push({ staff: staff.name, label, goalMs: GOALS[c.goal], ...measured, ...(reachedBy ? { reachedBy } : {}) });
      await save();
      log(
        `  ${label}: server p50 ${measured.server.p50.toFixed(1)} / p95 ${measured.server.p95.toFixed(1)} ms, client p95 ${measured.p95.toFixed(1)} ms; ${measured.requests} timed, ${measured.errors} errors`,
      );
    }
  }
  results.isComplete = true;
  await save();
  printAdminTable(results);
  log(`written ${path.relative(REPO_ROOT, out)}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error("[bench:admin] cleanup failed:", error));
    process.exit();
  });
