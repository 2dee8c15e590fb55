import { randomBytes } from "node:crypto";
import pg from "pg";
import { appUrlFor } from "../app-role.ts";
import { createDb, type Db } from "../client.ts";
import { databaseUrl, TEMPLATE_DATABASE, TEST_APP_PASSWORD } from "./test-cluster.ts";

export interface TestDatabase {
  /** As the owner (a superuser on the test server): for fixtures and tests that change the schema. */
  url: string;
  name: string;
  db: Db;
  /** As the app role (`stockroom_app`), what the server and worker use: a missing grant fails the test. */
  appUrl: string;
  appDb: Db;
  /** Drops the database (kept when the env var KEEP_TEST_DATABASES is set, for debugging). */
  drop(): Promise<void>;
}

/** A fresh, migrated database cloned from the template: one per test file, so files run in parallel. */
export async function createTestDatabase(adminUrl: string, options: { maxConnections?: number } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);
  const db = createDb(url, options);
  const appUrl = appUrlFor(url, TEST_APP_PASSWORD);
  const appDb = createDb(appUrl, options);
  return {
    url,
    name,
    db,
    appUrl,
    appDb,
    async drop() {
      await Promise.all([db.$disconnect(), appDb.$disconnect()]);
      if (process.env.KEEP_TEST_DATABASES) return;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
