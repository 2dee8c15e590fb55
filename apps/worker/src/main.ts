import { createDb } from "@stockroom/db";
import { systemClock, webhookSettingsFromEnv } from "@stockroom/domain";
import { createServiceMetrics, serveMetrics } from "@stockroom/metrics";
import { providersFromEnv } from "@stockroom/notifications";
import pino from "pino";
import { appDatabaseUrl, loadWorkerEnv } from "./env.ts";
import { startWorker } from "./worker.ts";

const OWNER_WARNING =
  "APP_DATABASE_URL is not set: connecting as DATABASE_URL's role, which may change the schema. Create the app role and set APP_DATABASE_URL (README: Running in production).";

async function main(): Promise<void> {
  const env = loadWorkerEnv();
  const log = pino({ level: env.LOG_LEVEL, name: "worker" });
  if (!env.APP_DATABASE_URL) log.warn(OWNER_WARNING);
  const db = createDb(appDatabaseUrl(env));
  const metrics = createServiceMetrics("worker", db);
  const scrapes = env.METRICS_PORT
    ? await serveMetrics(metrics, { host: env.METRICS_HOST, port: env.METRICS_PORT, access: { token: env.METRICS_TOKEN, allow: env.METRICS_ALLOW } })
    : undefined;
  const worker = await startWorker({
    metrics,
    databaseUrl: appDatabaseUrl(env),
    db,
    clock: systemClock,
    log,
    messengers: providersFromEnv(env),
    renotifyHours: env.LOW_STOCK_RENOTIFY_HOURS,
    lowStockCooldownHours: env.LOW_STOCK_COOLDOWN_HOURS,
    pendingOrderTtlHours: env.PENDING_ORDER_TTL_HOURS,
    publicUrl: env.PUBLIC_URL,
    pollingIntervalSeconds: env.POLLING_INTERVAL_SECONDS,
    webhooks: webhookSettingsFromEnv(env, env.NODE_ENV === "production"),
    webhookDispatchIntervalMs: env.WEBHOOKS_DISPATCH_INTERVAL_MS,
  });
  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info({ signal }, "stopping: no new jobs, waiting for running ones");
    await worker.stop(env.SHUTDOWN_TIMEOUT_MS);
    scrapes?.close();
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
