import { rm } from "node:fs/promises";
import path from "node:path";
import { applyMigrations, assertDataDirFree, DATA_DIR, startEmbeddedPostgres } from "@stockroom/db";
import pg from "pg";

/** A fresh embedded cluster in .data/<name> (the last run's is removed), with a migrated `stockroom` database. */
export async function startBenchDatabase(name: string, options: { isDurable: boolean } = { isDurable: true }) {
  const dataDir = path.join(DATA_DIR, name);
  assertDataDirFree(dataDir);
  await rm(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir, isDurable: options.isDurable });
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE stockroom");
  const postgresVersion = (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version;
  await admin.end();
  const url = server.urlFor("stockroom");
  await applyMigrations(url);
  return { server, url, postgresVersion, dataDir };
}
