// `pnpm bench:load`: virtual shoppers and staff, with think times, through the SPAs' own request
// shapes, against the real server and worker on a fresh durable embedded Postgres (.data/bench-load).
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort, REPO_ROOT } from "@stockroom/db";
import { startBenchDatabase } from "../bench-database.ts";
import { startApp, waitForHttp } from "../processes.ts";
import { LoadClient } from "./http-client.ts";
import { checkStock } from "./oversold.ts";
import { highestUsersWithin, runPhases } from "./phases.ts";
import { processTree } from "./process-usage.ts";
import { printKinds, printPhases, printStockCheck } from "./report.ts";
import { seedShop } from "./seed-shop.ts";
import { VirtualUsers } from "./virtual-users.ts";

const numbers = (text: string) => text.split(",").map((n) => Number(n.trim()));
const PLAN = {
  steps: numbers(process.env.LOAD_USERS_STEPS ?? "100,250,500,750,1000,1500,2000"),
  stepSeconds: Number(process.env.LOAD_STEP_SECONDS ?? 40),
  settleSeconds: Number(process.env.LOAD_SETTLE_SECONDS ?? 10),
  steadyUsers: Number(process.env.LOAD_STEADY_USERS ?? 1000),
  steadySeconds: Number(process.env.LOAD_STEADY_SECONDS ?? 60),
};
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 512);
/** Abandoned holds lapse within the run (the default is 15 minutes), so the worker's release is part of the load. */
const HOLD_TTL_SECONDS = Number(process.env.LOAD_HOLD_TTL_SECONDS ?? 120);
/** All load comes from loopback: the per-IP hold and order limit (600 a minute) is raised so it never binds. */
const HOLDS_PER_IP_PER_MIN = 10_000_000;
const P99_GOAL_MS = 200;
const log = (line: string) => console.log(`[bench:load] ${line}`);
const cleanups: (() => Promise<unknown>)[] = [];

async function main() {
  const { server: postgres, url, postgresVersion, dataDir } = await startBenchDatabase("bench-load");
  cleanups.push(() => postgres.stop());
  log("seeding 4 producers x 1,000 products with lots, and staff accounts");
  const shop = await seedShop(url, { producers: 4, productsPerProducer: 1_000 });
  log(`  ${shop.products} products, ${shop.lots} lots, ${shop.staff.length} staff`);

  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startApp("server", {
    DATABASE_URL: url,
    PORT: String(port),
    SERVE_SPAS: "false",
    HOLD_TTL_SECONDS: String(HOLD_TTL_SECONDS),
    RATE_LIMIT_HOLDS_PER_IP_PER_MIN: String(HOLDS_PER_IP_PER_MIN),
  });
  const worker = startApp("worker", { DATABASE_URL: url, POLLING_INTERVAL_SECONDS: "0.5" });
  cleanups.push(
    () => server.stop(),
    () => worker.stop(),
  );
  await waitForHttp(`${base}/healthz`);
  log(
    `server: holds and orders limited to ${HOLDS_PER_IP_PER_MIN.toLocaleString("en")} per IP per minute (one IP sends all), holds last ${HOLD_TTL_SECONDS} s`,
  );

  const client = new LoadClient(base, CONNECTIONS);
  cleanups.push(() => client.close());
  const users = new VirtualUsers(client, shop);
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const groups = {
    server: () => [server.child.pid as number],
    worker: () => [worker.child.pid as number],
    postgres: () => processTree(postmaster),
    bench: () => [process.pid],
  };
  log(`phases: ${JSON.stringify(PLAN)}, ${CONNECTIONS} keep-alive connections`);
  const phases = await runPhases(client, users, PLAN, groups, log);
  log("stopping the users (requests in flight are answered)");
  await users.stopAll();
  const stock = await checkStock(url);

  const highest = highestUsersWithin(phases, P99_GOAL_MS);
  const results = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), postgres: postgresVersion, node: process.version },
    plan: { ...PLAN, connections: CONNECTIONS, holdTtlSeconds: HOLD_TTL_SECONDS, holdsPerIpPerMin: HOLDS_PER_IP_PER_MIN },
    shop: { products: shop.products, lots: shop.lots, staff: shop.staff.length },
    highestUsersWithP99Within200Ms: highest,
    phases,
    stock,
    benchCrashes: users.crashes,
    staffSignInFailures: users.signInFailures,
    peakMemoryMiB: { server: server.peakMemoryMiB(), worker: worker.peakMemoryMiB() },
  };
  const out = path.join(REPO_ROOT, "bench/results/load.json");
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  printPhases(phases);
  for (const phase of phases.filter((p) => p.users === PLAN.steadyUsers)) printKinds(phase);
  printStockCheck(stock);
  log(`highest user count with overall p99 <= ${P99_GOAL_MS} ms: ${highest ?? "none"}`);
  if (users.signInFailures > 0) log(`${users.signInFailures} staff sign-in(s) failed and were tried again`);
  if (users.crashes.length > 0) log(`${users.crashes.length} user loop(s) crashed; first: ${users.crashes[0]}`);
  log(`written ${path.relative(REPO_ROOT, out)}`);
  if (stock.invariantProblems > 0 || stock.oversoldLots > 0 || users.crashes.length > 0) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error("[bench:load] cleanup failed:", error));
    process.exit();
  });
