import { createPool, type Pool } from "@stockroom/db";
import { useTestDatabase } from "@stockroom/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { createStockWorld, createTestDeps, expectValidInventory, ManualClock, newCartId, productWithStock } from "../testing/index.ts";
import { availabilityOf } from "./availability.ts";
import { createHoldCoalescer } from "./hold-coalescer.ts";
import { reserveCart } from "./reserve-cart.ts";

// Races over real connections: a pool of 20 Postgres connections shared by hundreds of concurrent calls.
const database = useTestDatabase({ maxConnections: 20 });
const clock = new ManualClock(new Date("2026-06-01T09:00:00Z"));
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;
let world: Awaited<ReturnType<typeof createStockWorld>>;
let pool: Pool;
/** The same races through both hold paths: one transaction per request, and the coalescer's batches. */
const modes: Record<string, () => Deps> = {
  direct: () => testDeps.deps,
  coalesced: () => coalescedDeps,
};
let coalescedDeps: Deps;

beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url, clock);
  world = await createStockWorld(database.current.db);
  pool = createPool(database.current.url, 8);
  coalescedDeps = { ...testDeps.deps, holdCoalescer: createHoldCoalescer({ pool, jobs: testDeps.deps.jobs, clock, lanes: 4 }) };
});
afterAll(async () => {
  await testDeps.close();
  await pool.end();
});

async function race(deps: Deps, productId: string, attempts: number, quantity: number) {
  const results = await Promise.allSettled(
    Array.from({ length: attempts }, () => reserveCart(deps, { cartId: newCartId(), lines: [{ productId, quantity }] })),
  );
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  for (const f of failures) {
    expect(f.reason).toBeInstanceOf(DomainError);
    expect((f.reason as DomainError).code).toBe("CONFLICT");
  }
  return { succeeded: results.length - failures.length, conflicts: failures.length };
}

describe.each(Object.keys(modes))("concurrent holds never oversell (%s)", (mode) => {
  const deps = () => (modes[mode] as () => Deps)();
  for (const k of [1, 10, 100]) {
    for (const quantity of [1, 2]) {
      it(`500 concurrent holds of ${quantity} on stock ${k}: exactly floor(k/${quantity}) succeed, in repeated waves`, async () => {
        const lots = [
          { quantity: Math.ceil(k / 2), expiryDate: "2026-12-01" },
          { quantity: Math.floor(k / 2), expiryDate: null },
        ].filter((lot) => lot.quantity > 0);
        const { product } = await productWithStock(testDeps.deps, world, lots);
        for (let wave = 0; wave < 2; wave++) {
          const { succeeded, conflicts } = await race(deps(), product.id, 500, quantity);
          expect({ succeeded, conflicts }).toEqual({ succeeded: Math.floor(k / quantity), conflicts: 500 - Math.floor(k / quantity) });
          expect((await availabilityOf(testDeps.deps, [product.id])).get(product.id)).toBe(k % quantity);
          await expectValidInventory(database.current.db, clock.now());
          // Let this wave's holds lapse: the next wave must win the same units back.
          clock.advance(15 * 60_000);
        }
      }, 60_000);
    }
  }

  it("2,000 concurrent baskets of 1-5 products in random order: no deadlock, each basket all or nothing", async () => {
    const products = await Promise.all(Array.from({ length: 8 }, () => productWithStock(testDeps.deps, world, [{ quantity: 150 }])));
    const ids = products.map((p) => p.product.id);
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const baskets = Array.from({ length: 2_000 }, () => {
      const chosen = [...ids].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 5));
      return { cartId: newCartId(), lines: chosen.map((productId) => ({ productId, quantity: 1 + Math.floor(random() * 3) })) };
    });
    const results = await Promise.allSettled(baskets.map((b) => reserveCart(deps(), b)));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    for (const r of rejected) expect((r.reason as DomainError).code).toBe("CONFLICT");
    expect(results.length - rejected.length).toBeGreaterThan(0);

    const db = database.current.db;
    for (const [index, basket] of baskets.entries()) {
      const held = await db.hold.count({ where: { cartId: basket.cartId, status: "HELD" } });
      expect(held).toBe(results[index]?.status === "fulfilled" ? basket.lines.length : 0);
    }
    const heldUnits = await db.hold.groupBy({ by: ["productId"], where: { productId: { in: ids }, status: "HELD" }, _sum: { quantity: true } });
    for (const row of heldUnits) expect(row._sum.quantity).toBeLessThanOrEqual(150);
    await expectValidInventory(db, clock.now());
  }, 120_000);
});

describe("hold coalescer", () => {
  it("forms batches under load, and a short cart in a batch fails alone while the others commit", async () => {
    const { product } = await productWithStock(testDeps.deps, world, [{ quantity: 5 }]);
    const coalescer = createHoldCoalescer({ pool, jobs: testDeps.deps.jobs, clock, lanes: 1 });
    const deps = { ...testDeps.deps, holdCoalescer: coalescer };
    const asks = [2, 2, 3, 1, 4, 1];
    const results = await Promise.allSettled(asks.map((quantity) => reserveCart(deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity }] })));
    const outcome = results.map((r) => (r.status === "fulfilled" ? "held" : (r.reason as DomainError).code));
    // In arrival order: 2 + 2 fit (1 left), 3 is short, 1 fits, 4 is short, the last 1 is short.
    expect(outcome).toEqual(["held", "held", "CONFLICT", "held", "CONFLICT", "CONFLICT"]);
    expect((results[2] as PromiseRejectedResult).reason.details).toEqual({ shortLines: [{ productId: product.id, requested: 3, available: 1 }] });
    expect(coalescer.stats()).toEqual({ requests: 6, batches: 2 });
    expect(await database.current.db.hold.count({ where: { productId: product.id, status: "HELD" } })).toBe(3);
    await expectValidInventory(database.current.db, clock.now());
  });
});
