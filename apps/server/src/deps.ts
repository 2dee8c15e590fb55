import { createDb } from "@stockroom/db";
import type { Deps } from "@stockroom/domain";
import { systemClock } from "@stockroom/domain";
import { createJobQueue, ensureQueues } from "@stockroom/jobs";
import { PgBoss } from "pg-boss";

/** The server's dependencies: Prisma, and pg-boss used only to send (the worker supervises). */
export async function createServerDeps(databaseUrl: string, poolSize: number): Promise<{ deps: Deps; close(): Promise<void> }> {
  const db = createDb(databaseUrl, { maxConnections: poolSize });
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4, supervise: false, schedule: false });
  boss.on("error", (error) => console.error("pg-boss error", error));
  await boss.start();
  await ensureQueues(boss);
  return {
    deps: { db, jobs: createJobQueue(boss), clock: systemClock },
    async close() {
      await boss.stop({ graceful: false, close: true });
      await db.$disconnect();
    },
  };
}
