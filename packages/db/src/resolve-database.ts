import path from "node:path";
import pg from "pg";
import { appUrlFor, EMBEDDED_APP_PASSWORD, ensureAppRole } from "./app-role.ts";
import { backupPathsFor } from "./backup/wal-archive.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { DATA_DIR } from "./paths.ts";

export interface DatabaseHandle {
  /** The owner's URL: migrations, grants. */
  url: string;
  /** What the server, worker and tools connect with: the app role's URL, or `url` when there is none. */
  appUrl: string;
  /** Whether `appUrl` is a different role than the owner (false: the app runs as the owner). */
  isAppRole: boolean;
  /** Whether we started the server (and so must stop it). */
  isEmbedded: boolean;
  stop(): Promise<void>;
}

export interface ResolveDatabaseOptions {
  /** The owner's URL (DATABASE_URL); unset: the embedded cluster. */
  databaseUrl?: string;
  /** The app role's URL (APP_DATABASE_URL), for an external server whose operator made the role. */
  appDatabaseUrl?: string;
  /** APP_DB_PASSWORD: create the app role on an external server (or set its password). */
  appPassword?: string;
  cluster?: string;
  onLog?: (line: string) => void;
}

/**
 * DATABASE_URL wins and nothing is started. Otherwise an embedded Postgres runs with its data in
 * `.data/<cluster>`, the `stockroom` database is created on first use, and so is the app role
 * (`stockroom_app`, local-only password; see app-role.ts). Migrate applies the role's grants.
 */
export async function resolveDatabase(options: ResolveDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    if (options.appPassword) await ensureAppRole(url, options.appPassword);
    const appUrl = options.appDatabaseUrl ?? (options.appPassword ? appUrlFor(url, options.appPassword) : url);
    return { url, appUrl, isAppRole: appUrl !== url, isEmbedded: false, stop: async () => {} };
  }
  const dataDir = path.join(DATA_DIR, options.cluster ?? "pg");
  const walArchiveDir = backupPathsFor(dataDir).wal;
  const server = await startEmbeddedPostgres({ dataDir, walArchiveDir, onLog: options.onLog });
  try {
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    try {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'stockroom'");
      if (exists.rowCount === 0) await admin.query("CREATE DATABASE stockroom");
    } finally {
      await admin.end();
    }
    await ensureAppRole(server.adminUrl, EMBEDDED_APP_PASSWORD);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const url = server.urlFor("stockroom");
  return { url, appUrl: appUrlFor(url, EMBEDDED_APP_PASSWORD), isAppRole: true, isEmbedded: true, stop: server.stop };
}
