import { createPool, type Pool } from "@stockroom/db";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import type { Deps } from "../deps.ts";
import { createHoldCoalescer, HOLD_COALESCER_DEFAULTS, type HoldCoalescer } from "../stock/hold-coalescer.ts";

/**
 * The two ways a hold runs: "direct" (one transaction calling stock_reserve_cart) and "coalesced"
 * (the server's default: batches of stock_reserve_carts, whose set-wise branch decides new carts).
 */
export const HOLD_PATHS = ["direct", "coalesced"] as const;
export type HoldPath = (typeof HOLD_PATHS)[number];

/**
 * Deps for one hold path; call it inside `describe.each(HOLD_PATHS)` and read `deps` inside tests.
 * "coalesced" gets a real coalescer with the server's lanes and depth, on a pool of lanes x depth
 * connections (as apps/server), new for every test and drained after it. After each test it fails
 * when no hold reached the coalescer (deps without it would pass every test on the direct path),
 * unless the test called `expectNoBatches()`.
 */
export function useHoldPath(path: HoldPath, base: { readonly deps: Deps; readonly url: string }) {
  let pool: Pool | undefined;
  let coalescer: HoldCoalescer | undefined;
  let isBatchExpected = true;
  if (path === "coalesced") {
    const { lanes, depth } = HOLD_COALESCER_DEFAULTS;
    beforeAll(() => {
      pool = createPool(base.url, lanes * depth);
    });
    beforeEach(() => {
      if (!pool) throw new Error("useHoldPath: no pool");
      coalescer = createHoldCoalescer({ pool, jobs: base.deps.jobs, clock: base.deps.clock, lanes, depth });
      isBatchExpected = true;
    });
    afterEach(async () => {
      const current = coalescer;
      coalescer = undefined;
      await current?.drained();
      const { requests, batches } = current?.stats() ?? { requests: 0, batches: 0 };
      if (isBatchExpected && (requests === 0 || batches === 0)) {
        throw new Error(`coalesced path: no hold reached stock_reserve_carts in this test (requests ${requests}, batches ${batches})`);
      }
    });
    afterAll(() => pool?.end());
  }
  return {
    path,
    /** Deps whose holds take this path (coalesced: a fresh coalescer per test). */
    get deps(): Deps {
      if (path === "direct") return base.deps;
      if (!coalescer) throw new Error("useHoldPath: read deps inside a test (the coalescer is made in beforeEach)");
      return { ...base.deps, holdCoalescer: coalescer };
    },
    /** What reached this test's coalescer so far (zeros on the direct path). */
    stats(): { requests: number; batches: number } {
      return coalescer?.stats() ?? { requests: 0, batches: 0 };
    },
    /** For a test whose holds bypass the coalescer by design (idempotency keys). */
    expectNoBatches(): void {
      isBatchExpected = false;
    },
  };
}
