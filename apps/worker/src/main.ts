import { createDb } from "@stockroom/db";
import { systemClock } from "@stockroom/domain";
import { providersFromEnv } from "@stockroom/notifications";
import pino from "pino";
import { loadWorkerEnv } from "./env.ts";
import { startWorker } from "./worker.ts";

async function main(): Promise<void> {
  const env = loadWorkerEnv();
  const log = pino({ level: env.LOG_LEVEL, name: "worker" });
  const db = createDb(env.DATABASE_URL);
  const worker = await startWorker({
    databaseUrl: env.DATABASE_URL,
    db,
    clock: systemClock,
    log,
    messengers: providersFromEnv(env),
    renotifyHours: env.LOW_STOCK_RENOTIFY_HOURS,
    lowStockCooldownHours: env.LOW_STOCK_COOLDOWN_HOURS,
    pendingOrderTtlHours: env.PENDING_ORDER_TTL_HOURS,
    pollingIntervalSeconds: env.POLLING_INTERVAL_SECONDS,
  });
  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info({ signal }, "stopping: no new jobs, waiting for running ones");
    await worker.stop(env.SHUTDOWN_TIMEOUT_MS);
    await db.$disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  log.info({ pid: process.pid }, "worker started");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
