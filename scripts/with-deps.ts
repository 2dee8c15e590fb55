import { applyMigrations, createDb, type DatabaseHandle, resolveDatabase } from "@stockroom/db";
import { type Deps, systemClock } from "@stockroom/domain";
import { type SendOnlyQueue, startSendOnlyQueue } from "@stockroom/jobs";

/**
 * For command-line tools: the database (DATABASE_URL or embedded), migrated as the owner, with real
 * deps connected as the app role (APP_DATABASE_URL; the owner when there is none), like the server.
 */
export async function withDeps<T>(
  options: { databaseUrl?: string; appDatabaseUrl?: string; appPassword?: string; cluster: string; database?: DatabaseHandle },
  run: (deps: Deps, url: string) => Promise<T>,
): Promise<T> {
  const database = options.database ?? (await resolveDatabase(options));
  const db = createDb(database.appUrl, { maxConnections: 4 });
  let queue: SendOnlyQueue | undefined;
  try {
    // A handle passed in belongs to a caller that has already migrated it (pnpm start).
    if (!options.database) await applyMigrations(database.url);
    queue = await startSendOnlyQueue(database.appUrl, { maxConnections: 2 });
    return await run({ db, jobs: queue.jobs, clock: systemClock }, database.appUrl);
  } finally {
    await queue?.stop();
    await db.$disconnect();
    if (!options.database) await database.stop();
  }
}
