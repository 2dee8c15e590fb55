import type { TestDatabase } from "@stockroom/db/testing";
import type { Clock } from "@stockroom/domain";
import { createTestDeps } from "@stockroom/domain/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildServer } from "../app.ts";

type TestDeps = Awaited<ReturnType<typeof createTestDeps>>;

/**
 * A real server (not listening: use `app.inject`) on the file's test database, built in beforeAll
 * and closed after. It connects as the app role, as deployed: a missing grant fails the test.
 */
export function useTestServer(database: { readonly current: TestDatabase }, clock?: Clock): { readonly app: FastifyInstance; readonly testDeps: TestDeps } {
  let app: FastifyInstance | undefined;
  let testDeps: TestDeps | undefined;
  beforeAll(async () => {
    testDeps = await createTestDeps(database.current.appDb, database.current.appUrl, clock);
    app = await buildServer({
      env: { LOG_LEVEL: "silent", SESSION_TTL_HOURS: 12, SERVE_SPAS: false, COOKIE_SECURE: false },
      deps: testDeps.deps,
    });
  });
  afterAll(async () => {
    await app?.close();
    await testDeps?.close();
  });
  return {
    get app() {
      if (!app) throw new Error("useTestServer: the server is built in beforeAll");
      return app;
    },
    get testDeps() {
      if (!testDeps) throw new Error("useTestServer: the server is built in beforeAll");
      return testDeps;
    },
  };
}
