import { afterAll, beforeAll, inject } from "vitest";
import "./test-cluster.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

/** Per-file database: call at the top of a test file; read `.current` inside tests. */
export function useTestDatabase(options: { maxConnections?: number } = {}): { readonly current: TestDatabase } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(inject("testAdminUrl"), options);
  });
  afterAll(async () => {
    await database?.drop();
  });
  return {
    get current() {
      if (!database) throw new Error("useTestDatabase: the database is created in beforeAll");
      return database;
    },
  };
}
