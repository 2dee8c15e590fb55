import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded-postgres.ts";
import { applyMigrations } from "../migrations.ts";
import { DATA_DIR } from "../paths.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Set by global-setup.ts: a URL on the test server that may create databases. */
    testAdminUrl: string;
  }
}

export const TEMPLATE_DATABASE = "stockroom_template";

export interface TestCluster {
  /** URL of a database on the test server that may run CREATE DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The test server: TEST_DATABASE_URL when set (any Postgres we may create databases on),
 * otherwise an embedded cluster in .data/test-pg, never the dev data. Durability is off: tests
 * prove logic, benchmarks measure speed. The template database is migrated fresh every run.
 */
export async function startTestCluster(externalUrl?: string): Promise<TestCluster> {
  const server = externalUrl
    ? { adminUrl: externalUrl, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "test-pg"), isDurable: false });
  try {
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    } finally {
      await admin.end();
    }
    await applyMigrations(databaseUrl(server.adminUrl, TEMPLATE_DATABASE));
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { adminUrl: server.adminUrl, stop: server.stop };
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
