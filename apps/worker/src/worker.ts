import type { Db } from "@stockroom/db";
import type { Clock, Deps, Messengers } from "@stockroom/domain";
import { createJobQueue, ensureQueues, JOB_NAMES, type JobName, parseJobPayload } from "@stockroom/jobs";
import { PgBoss } from "pg-boss";
import type { Logger } from "pino";
import { HANDLERS, type JobHandler, SCHEDULES } from "./handlers/index.ts";

export interface WorkerOptions {
  databaseUrl: string;
  db: Db;
  clock: Clock;
  log: Logger;
  messengers: Messengers;
  /** Low-stock re-notification interval (24 h unless configured). */
  renotifyHours?: number;
  pollingIntervalSeconds: number;
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
    superviseIntervalSeconds: 10,
    monitorIntervalSeconds: 10,
    __test__enableSpies: options.isSpyEnabled,
  });
  const deps: Deps = { db: options.db, clock: options.clock, jobs: createJobQueue(boss) };
  boss.on("error", (error) => log.error({ err: error }, "pg-boss error"));
  await boss.start();
  await ensureQueues(boss);

  for (const name of JOB_NAMES) {
    const handler = HANDLERS[name] as JobHandler<JobName>;
    await boss.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds }, async ([job]) => {
      if (!job) return;
      const payload = parseJobPayload(name, job.data);
      const result = await handler({ deps, messengers: options.messengers, renotifyHours: options.renotifyHours ?? 24 }, payload);
      log.info({ job: name, jobId: job.id, result }, "job done");
      return result;
    });
  }
  for (const { name, cron } of SCHEDULES) await boss.schedule(name, cron, {});

  return {
    boss,
    deps,
    async stop(timeoutMs) {
      await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
      log.info("worker stopped");
    },
  };
}
