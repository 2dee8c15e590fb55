import { applyMigrations, createDb, type DatabaseHandle, resolveDatabase } from "@stockroom/db";
import { type Deps, systemClock } from "@stockroom/domain";
import { createJobQueue, ensureQueues } from "@stockroom/jobs";
import { PgBoss } from "pg-boss";

/** For command-line tools: the database (DATABASE_URL or embedded), migrated, with real deps. */
export async function withDeps<T>(
  options: { databaseUrl?: string; cluster: string; database?: DatabaseHandle },
  run: (deps: Deps, url: string) => Promise<T>,
): Promise<T> {
  const database = options.database ?? (await resolveDatabase({ databaseUrl: options.databaseUrl, cluster: options.cluster }));
  const db = createDb(database.url, { maxConnections: 4 });
  const boss = new PgBoss({ connectionString: database.url, max: 2, supervise: false, schedule: false });
  try {
    // A handle passed in belongs to a caller that has already migrated it (pnpm start).
    if (!options.database) await applyMigrations(database.url);
    await boss.start();
    await ensureQueues(boss);
    return await run({ db, jobs: createJobQueue(boss), clock: systemClock }, database.url);
  } finally {
    await boss.stop({ graceful: false, close: true });
    await db.$disconnect();
    if (!options.database) await database.stop();
  }
}
