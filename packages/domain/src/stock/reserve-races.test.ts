import { useTestDatabase } from "@stockroom/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { createStockWorld, createTestDeps, expectValidInventory, ManualClock, newCartId, productWithStock } from "../testing/index.ts";
import { availabilityOf } from "./availability.ts";
import { reserveCart } from "./reserve-cart.ts";

// Races over real connections: a pool of 20 Postgres connections shared by hundreds of concurrent calls.
const database = useTestDatabase({ maxConnections: 20 });
const clock = new ManualClock(new Date("2026-06-01T09:00:00Z"));
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;
let world: Awaited<ReturnType<typeof createStockWorld>>;

beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url, clock);
  world = await createStockWorld(database.current.db);
});
afterAll(() => testDeps.close());

async function race(productId: string, attempts: number, quantity: number) {
  const results = await Promise.allSettled(
    Array.from({ length: attempts }, () => reserveCart(testDeps.deps, { cartId: newCartId(), lines: [{ productId, quantity }] })),
  );
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  for (const f of failures) {
    expect(f.reason).toBeInstanceOf(DomainError);
    expect((f.reason as DomainError).code).toBe("CONFLICT");
  }
  return { succeeded: results.length - failures.length, conflicts: failures.length };
}

describe("concurrent holds never oversell", () => {
  for (const k of [1, 10, 100]) {
    for (const quantity of [1, 2]) {
      it(`500 concurrent holds of ${quantity} on stock ${k}: exactly floor(k/${quantity}) succeed, in repeated waves`, async () => {
        const lots = [
          { quantity: Math.ceil(k / 2), expiryDate: "2026-12-01" },
          { quantity: Math.floor(k / 2), expiryDate: null },
        ].filter((lot) => lot.quantity > 0);
        const { product } = await productWithStock(testDeps.deps, world, lots);
        for (let wave = 0; wave < 2; wave++) {
          const { succeeded, conflicts } = await race(product.id, 500, quantity);
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
    const results = await Promise.allSettled(baskets.map((b) => reserveCart(testDeps.deps, b)));
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
