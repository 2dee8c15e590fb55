import type { TestDatabase } from "@stockroom/db/testing";
import type { Deps } from "@stockroom/domain";
import { createTestDeps, type ManualClock } from "@stockroom/domain/testing";
import { afterAll, beforeAll, beforeEach } from "vitest";

/**
 * The file's deps on its test database with a manual clock: made before all tests, closed after,
 * and the clock back at its start before each test (whatever the one before moved it to).
 */
export function useClockedDeps(database: { readonly current: TestDatabase }, clock: ManualClock): { readonly deps: Deps } {
  let testDeps: Awaited<ReturnType<typeof createTestDeps>> | undefined;
  beforeAll(async () => {
    testDeps = await createTestDeps(database.current.db, database.current.url, clock);
  });
  afterAll(() => testDeps?.close());
  beforeEach(() => clock.reset());
  return {
    get deps() {
      if (!testDeps) throw new Error("useClockedDeps: the deps are made in beforeAll");
      return testDeps.deps;
    },
  };
}
