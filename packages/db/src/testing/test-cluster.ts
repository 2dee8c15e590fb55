import path from "node:path";
import pg from "pg";
import { EMBEDDED_APP_PASSWORD, ensureAppRole } from "../app-role.ts";
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
/** The app role's password on the test server (roles are server-wide; a test server is local). */
export const TEST_APP_PASSWORD = EMBEDDED_APP_PASSWORD;

export interface TestCluster {
  /** URL of a database on the test server that may run CREATE DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The test server: TEST_DATABASE_URL when set (any Postgres we may create databases on),
 * otherwise an embedded cluster in .data/test-pg, never the dev data. Durability is off: tests
 * prove logic, benchmarks measure speed. The template database is migrated fresh every run, after
 * the app role exists, so its grants (copied with the template) are the ones a deployment gets.
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
    await ensureAppRole(server.adminUrl, TEST_APP_PASSWORD);
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
