import { PgBoss } from "pg-boss";
import { ensureQueues } from "./ensure-queues.ts";
import { createJobQueue, type JobQueue } from "./job-queue.ts";

export interface SendOnlyQueue {
  boss: PgBoss;
  jobs: JobQueue;
  stop(): Promise<void>;
}

/**
 * pg-boss for a process that only sends jobs (the server, command-line tools, tests, the bench): no
 * supervision or schedules (the worker runs those), every queue ensured. pg-boss reports connection
 * trouble as `error` events, which would crash a process with no listener: they are reported instead.
 * Its schema is made by migrate (prisma/grants.sql): the app role may not create schemas.
 */
export async function startSendOnlyQueue(
  connectionString: string,
  options: { maxConnections: number; onError?: (error: Error) => void },
): Promise<SendOnlyQueue> {
  const boss = new PgBoss({ connectionString, max: options.maxConnections, supervise: false, schedule: false, createSchema: false });
  boss.on("error", options.onError ?? ((error) => console.error("pg-boss error", error)));
  await boss.start();
  await ensureQueues(boss);
  return { boss, jobs: createJobQueue(boss), stop: () => boss.stop({ graceful: false, close: true }) };
}
