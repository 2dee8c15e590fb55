import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { DATA_DIR } from "./paths.ts";

export interface DatabaseHandle {
  url: string;
  /** Whether we started the server (and so must stop it). */
  isEmbedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL wins and nothing is started. Otherwise an embedded Postgres runs with its data in
 * `.data/<cluster>` and the `stockroom` database is created on first use.
 */
export async function resolveDatabase(options: { databaseUrl?: string; cluster?: string; onLog?: (line: string) => void }): Promise<DatabaseHandle> {
  if (options.databaseUrl) return { url: options.databaseUrl, isEmbedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, options.cluster ?? "pg"), onLog: options.onLog });
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'stockroom'");
    if (exists.rowCount === 0) await admin.query("CREATE DATABASE stockroom");
  } finally {
    await admin.end();
  }
  return { url: server.urlFor("stockroom"), isEmbedded: true, stop: server.stop };
}
