import { applyMigrations, createDb, type DatabaseHandle, resolveDatabase } from "@stockroom/db";
import { type Deps, systemClock } from "@stockroom/domain";
import { type SendOnlyQueue, startSendOnlyQueue } from "@stockroom/jobs";

/** For command-line tools: the database (DATABASE_URL or embedded), migrated, with real deps. */
export async function withDeps<T>(
  options: { databaseUrl?: string; cluster: string; database?: DatabaseHandle },
  run: (deps: Deps, url: string) => Promise<T>,
): Promise<T> {
  const database = options.database ?? (await resolveDatabase({ databaseUrl: options.databaseUrl, cluster: options.cluster }));
  const db = createDb(database.url, { maxConnections: 4 });
  let queue: SendOnlyQueue | undefined;
  try {
    // A handle passed in belongs to a caller that has already migrated it (pnpm start).
    if (!options.database) await applyMigrations(database.url);
    queue = await startSendOnlyQueue(database.url, { maxConnections: 2 });
    return await run({ db, jobs: queue.jobs, clock: systemClock }, database.url);
  } finally {
    await queue?.stop();
    await db.$disconnect();
    if (!options.database) await database.stop();
  }
}
