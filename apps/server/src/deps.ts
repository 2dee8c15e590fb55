import { createDb, createPool } from "@stockroom/db";
import type { Deps } from "@stockroom/domain";
import { createHoldCoalescer, systemClock } from "@stockroom/domain";
import { createJobQueue, ensureQueues } from "@stockroom/jobs";
import { PgBoss } from "pg-boss";

/** The server's dependencies: Prisma, and pg-boss used only to send (the worker supervises). */
export async function createServerDeps(
  databaseUrl: string,
  poolSize: number,
  options: { isHoldCoalescing: boolean; holdLanes: number; holdDepth: number },
): Promise<{ deps: Deps; close(): Promise<void> }> {
  const db = createDb(databaseUrl, { maxConnections: poolSize });
  // The coalesced hold path runs batches on plain connections (see hold-coalescer.ts).
  // One connection per batch that can be in flight.
  const { holdLanes: lanes, holdDepth: depth } = options;
  const holdPool = createPool(databaseUrl, lanes * depth);
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4, supervise: false, schedule: false });
  boss.on("error", (error) => console.error("pg-boss error", error));
  await boss.start();
  await ensureQueues(boss);
  const jobs = createJobQueue(boss);
  const holdCoalescer = options.isHoldCoalescing ? createHoldCoalescer({ pool: holdPool, jobs, clock: systemClock, lanes, depth }) : undefined;
  return {
    deps: { db, jobs, clock: systemClock, holdCoalescer },
    async close() {
      // Callers already in a batch get their answer before the connections close.
      await holdCoalescer?.drained();
      await boss.stop({ graceful: false, close: true });
      await holdPool.end();
      await db.$disconnect();
    },
  };
}
