import { useTestDatabase } from "@stockroom/db/testing";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { createStockWorld } from "./stock-fixtures.ts";
import { createTestDeps, ManualClock } from "./test-deps.ts";

/**
 * The usual domain test file: its own database, real deps (pg-boss included) on a manual clock,
 * and a producer with a sellable and a back-store location. The clock is back at `start` before
 * every test. Read the fields inside tests.
 */
export function useStockWorld(options: { maxConnections?: number; start?: string } = {}) {
  const database = useTestDatabase({ maxConnections: options.maxConnections ?? 10 });
  const clock = new ManualClock(new Date(options.start ?? "2026-06-01T09:00:00Z"));
  let testDeps: Awaited<ReturnType<typeof createTestDeps>> | undefined;
  let world: Awaited<ReturnType<typeof createStockWorld>> | undefined;
  beforeAll(async () => {
    testDeps = await createTestDeps(database.current.db, database.current.url, clock);
    world = await createStockWorld(database.current.db);
  });
  afterAll(() => testDeps?.close());
  // Every test starts at `start`, whatever the one before moved the clock to.
  beforeEach(() => clock.reset());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useStockWorld: read it inside a test (it is set up in beforeAll)");
    return value;
  };
  return {
    clock,
    get db() {
      return database.current.db;
    },
    get url() {
      return database.current.url;
    },
    get deps(): Deps {
      return ready(testDeps).deps;
    },
    get world() {
      return ready(world);
    },
  };
}

/** Awaits a call that must fail with a DomainError, and returns it for assertions on code and message. */
export async function domainFailure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
