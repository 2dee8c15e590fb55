import type { Db } from "@stockroom/db";
import {
  type Clock,
  DEFAULT_LOW_STOCK_COOLDOWN_HOURS,
  DEFAULT_PENDING_ORDER_TTL_HOURS,
  type Deps,
  isDomainError,
  type Messengers,
  type WebhookSettings,
} from "@stockroom/domain";
import { createJobQueue, ensureQueues, JOB_NAMES, type JobName, parseJobPayload } from "@stockroom/jobs";
import type { ServiceMetrics } from "@stockroom/metrics";
import { type JobResult, PgBoss } from "pg-boss";
import type { Logger } from "pino";
import { HANDLERS, type JobHandler, SCHEDULES } from "./handlers/index.ts";
import { startWebhookDispatcher } from "./webhook-dispatcher.ts";

export interface WorkerOptions {
  /** This process's metrics: each handled job's duration and outcome. */
  metrics?: ServiceMetrics;
  databaseUrl: string;
  db: Db;
  clock: Clock;
  log: Logger;
  messengers: Messengers;
  /** Low-stock re-notification interval (24 h unless configured). */
  renotifyHours?: number;
  /** Quiet re-opening of a low-stock alert this soon after the last one resolved (4 h unless configured). */
  lowStockCooldownHours?: number;
  /** PENDING orders older than this are cancelled (48 h unless configured). */
  pendingOrderTtlHours?: number;
  pollingIntervalSeconds: number;
  /** PUBLIC_URL: links in the customer emails the worker's changes queue. */
  publicUrl?: string;
  /** Webhook URL checks, timeouts and retry delays (WEBHOOKS_*); the defaults where absent. */
  webhooks?: Partial<WebhookSettings>;
  /** How often due webhook deliveries are queued (WEBHOOKS_DISPATCH_INTERVAL_MS); 1 s unless configured. */
  webhookDispatchIntervalMs?: number;
  /** For tests: pg-boss job spies. */
  isSpyEnabled?: boolean;
}

export interface RunningWorker {
  boss: PgBoss;
  deps: Deps;
  /** Stops fetching, waits up to `timeoutMs` for running handlers, then closes the pool. */
  stop(timeoutMs: number): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { log } = options;
  // Supervise every 10 s (default 60): a job whose worker stopped heartbeating is retried promptly.
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: 6,
    // migrate creates the schema (prisma/grants.sql): the app role may not create schemas.
    createSchema: false,
    superviseIntervalSeconds: 10,
    monitorIntervalSeconds: 10,
    __test__enableSpies: options.isSpyEnabled,
  });
  const deps: Deps = { db: options.db, clock: options.clock, jobs: createJobQueue(boss), publicUrl: options.publicUrl, webhooks: options.webhooks };
  boss.on("error", (error) => log.error({ err: error }, "pg-boss error"));
  await boss.start();
  await ensureQueues(boss);

  const context = {
    deps,
    messengers: options.messengers,
    renotifyHours: options.renotifyHours ?? 24,
    cooldownHours: options.lowStockCooldownHours ?? DEFAULT_LOW_STOCK_COOLDOWN_HOURS,
    pendingOrderTtlHours: options.pendingOrderTtlHours ?? DEFAULT_PENDING_ORDER_TTL_HOURS,
  };
  for (const name of JOB_NAMES) {
    const handler = HANDLERS[name] as JobHandler<JobName>;
    // Up to 10 jobs per fetch, fetching again at once while batches come back full (burst): a
    // backlog drains at handler speed instead of one job per polling interval. Each job gets its
    // own outcome, so one failure does not retry its neighbours.
    await boss.work(
      name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds, batchSize: 10, burstWhenBatchFull: true, localConcurrency: 2, perJobResults: true },
      async (jobs) => {
        const results: JobResult[] = [];
        for (const job of jobs) {
          const started = performance.now();
          try {
            const output = await handler(context, parseJobPayload(name, job.data));
            log.info({ job: name, jobId: job.id, output }, "job done");
            results.push({ id: job.id, status: "completed", output: (output ?? null) as object });
            options.metrics?.observeJob({ queue: name, outcome: "completed" }, (performance.now() - started) / 1000);
          } catch (error) {
            const isRetryable = !isDomainError(error) || error.isRetryable;
            log.warn({ job: name, jobId: job.id, err: error, isRetryable }, "job failed");
            results.push({ id: job.id, status: isRetryable ? "failed" : "deadletter", output: { message: (error as Error).message } });
            options.metrics?.observeJob({ queue: name, outcome: isRetryable ? "failed" : "deadletter" }, (performance.now() - started) / 1000);
          }
        }
        return results;
      },
    );
  }
  for (const { name, cron } of SCHEDULES) await boss.schedule(name, cron, {});
  const dispatcher = startWebhookDispatcher(deps, log, options.webhookDispatchIntervalMs ?? 1_000);

  return {
    boss,
    deps,
    async stop(timeoutMs) {
      await dispatcher.stop();
      await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
      log.info("worker stopped");
    },
  };
}
