import { createPool, type Pool } from "@stockroom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { expectValidInventory, HOLD_PATHS, newCartId, productWithStock, useHoldPath, useStockWorld } from "../testing/index.ts";
import { availabilityOf } from "./availability.ts";
import { createHoldCoalescer } from "./hold-coalescer.ts";
import { reserveCart } from "./reserve-cart.ts";

// Races over real connections: a pool of 20 Postgres connections shared by hundreds of concurrent calls.
const stock = useStockWorld({ maxConnections: 20 });
const { clock } = stock;
let pool: Pool;

beforeAll(() => {
  pool = createPool(stock.url, 8);
});
afterAll(() => pool.end());

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

/** The same races through both hold paths: one transaction per request, and the coalescer's batches. */
describe.each(HOLD_PATHS)("concurrent holds never oversell (%s)", (path) => {
  const holdPath = useHoldPath(path, stock);
  const deps = () => holdPath.deps;
  for (const k of [1, 10, 100]) {
    for (const quantity of [1, 2]) {
      it(`500 concurrent holds of ${quantity} on stock ${k}: exactly floor(k/${quantity}) succeed, in repeated waves`, async () => {
        const lots = [
          { quantity: Math.ceil(k / 2), expiryDate: "2026-12-01" },
          { quantity: Math.floor(k / 2), expiryDate: null },
        ].filter((lot) => lot.quantity > 0);
        const { product } = await productWithStock(stock.deps, stock.world, lots);
        for (let wave = 0; wave < 2; wave++) {
          const { succeeded, conflicts } = await race(deps(), product.id, 500, quantity);
          expect({ succeeded, conflicts }).toEqual({ succeeded: Math.floor(k / quantity), conflicts: 500 - Math.floor(k / quantity) });
          expect((await availabilityOf(stock.deps, [product.id])).get(product.id)).toBe(k % quantity);
          await expectValidInventory(stock.db, clock.now());
          // Let this wave's holds lapse: the next wave must win the same units back.
          clock.advance(15 * 60_000);
        }
      }, 60_000);
    }
  }

  it("2,000 concurrent baskets of 1-5 products in random order: no deadlock, each basket all or nothing", async () => {
    const products = await Promise.all(Array.from({ length: 8 }, () => productWithStock(stock.deps, stock.world, [{ quantity: 150 }])));
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
    // On "coalesced" the baskets really were combined: fewer batches than requests.
    if (path === "coalesced") expect(holdPath.stats().batches).toBeLessThan(holdPath.stats().requests);

    const db = stock.db;
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
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 5 }]);
    // One batch in flight: the first request runs alone, the other five queue into one batch.
    const coalescer = createHoldCoalescer({ pool, jobs: stock.deps.jobs, clock, lanes: 1, depth: 1 });
    const deps = { ...stock.deps, holdCoalescer: coalescer };
    const asks = [2, 2, 3, 1, 4, 1];
    const results = await Promise.allSettled(asks.map((quantity) => reserveCart(deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity }] })));
    const outcome = results.map((r) => (r.status === "fulfilled" ? "held" : (r.reason as DomainError).code));
    // In arrival order: 2 + 2 fit (1 left), 3 is short, 1 fits, 4 is short, the last 1 is short.
    expect(outcome).toEqual(["held", "held", "CONFLICT", "held", "CONFLICT", "CONFLICT"]);
    expect((results[2] as PromiseRejectedResult).reason.details).toEqual({ shortLines: [{ productId: product.id, requested: 3, available: 1 }] });
    expect(coalescer.stats()).toEqual({ requests: 6, batches: 2 });
    expect(await stock.db.hold.count({ where: { productId: product.id, status: "HELD" } })).toBe(3);
    await expectValidInventory(stock.db, clock.now());
  });

  it("with two batches in flight per lane, the second starts at once and both settle consistently", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 5 }]);
    const coalescer = createHoldCoalescer({ pool, jobs: stock.deps.jobs, clock, lanes: 1, depth: 2 });
    const deps = { ...stock.deps, holdCoalescer: coalescer };
    const asks = [2, 2, 3, 1, 4, 1];
    const results = await Promise.allSettled(asks.map((quantity) => reserveCart(deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity }] })));
    // Batches in flight together take the product lock in either order, so which callers win may
    // differ from arrival order; what they hold may not exceed the stock, and every refusal is exact.
    expect(coalescer.stats()).toEqual({ requests: 6, batches: 3 });
    const held = results.flatMap((r, i) => (r.status === "fulfilled" ? [asks[i] as number] : []));
    const heldUnits = held.reduce((sum, q) => sum + q, 0);
    expect(heldUnits).toBeLessThanOrEqual(5);
    for (const [i, r] of results.entries()) {
      if (r.status === "fulfilled") continue;
      const [short] = (r.reason as DomainError & { details: { shortLines: { requested: number; available: number }[] } }).details.shortLines;
      expect(short?.requested).toBe(asks[i]);
      expect(short?.available).toBeLessThan(asks[i] as number);
    }
    const live = await stock.db.hold.aggregate({ where: { productId: product.id, status: "HELD" }, _sum: { quantity: true } });
    expect(live._sum.quantity).toBe(heldUnits);
    await coalescer.drained();
    await expectValidInventory(stock.db, clock.now());
  });

  it("one batch mixing new carts, a cart with live holds, a repeated cart, a short basket and an unknown product", async () => {
    const db = stock.db;
    const { product: a } = await productWithStock(stock.deps, stock.world, [{ quantity: 5 }]);
    // FEFO on b: the lot expiring tomorrow goes first, whatever the order they were received in.
    const tomorrow = new Date(clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    const { product: b, lotIds: bLots } = await productWithStock(stock.deps, stock.world, [
      { quantity: 1, expiryDate: "2026-09-01" },
      { quantity: 2, expiryDate: tomorrow },
    ]);
    const [x, w, y, z, v, u] = Array.from({ length: 6 }, newCartId) as [string, string, string, string, string, string];
    const before = await reserveCart(stock.deps, { cartId: x, lines: [{ productId: a.id, quantity: 1 }] });

    const coalescer = createHoldCoalescer({ pool, jobs: stock.deps.jobs, clock, lanes: 1, depth: 1 });
    const deps = { ...stock.deps, holdCoalescer: coalescer };
    const calls = [
      { cartId: w, lines: [{ productId: a.id, quantity: 1 }] }, // runs alone; the rest form one batch
      { cartId: x, lines: [{ productId: a.id, quantity: 1 }] }, // live hold: refreshed in place
      {
        cartId: y,
        lines: [
          { productId: b.id, quantity: 2 },
          { productId: a.id, quantity: 1 },
        ],
        ttlSeconds: 86_400,
      },
      {
        cartId: z,
        lines: [
          { productId: a.id, quantity: 1 },
          { productId: b.id, quantity: 2 },
        ],
      }, // one b left: nothing held
      { cartId: y, lines: [{ productId: a.id, quantity: 2 }] }, // y again: replaces its a hold, releases b
      { cartId: v, lines: [{ productId: "00000000-0000-4000-8000-000000000001", quantity: 1 }] },
      { cartId: u, lines: [{ productId: a.id, quantity: 1 }] },
    ];
    const results = await Promise.allSettled(calls.map((call) => reserveCart(deps, call)));
    expect(coalescer.stats()).toEqual({ requests: 7, batches: 2 });
    const outcome = results.map((r) => (r.status === "fulfilled" ? "held" : (r.reason as DomainError).code));
    expect(outcome).toEqual(["held", "held", "held", "CONFLICT", "held", "NOT_FOUND", "held"]);
    expect((results[3] as PromiseRejectedResult).reason.details).toEqual({ shortLines: [{ productId: b.id, requested: 2, available: 1 }] });

    const value = (i: number) => (results[i] as PromiseFulfilledResult<Awaited<ReturnType<typeof reserveCart>>>).value;
    expect(value(1).holds.map((h) => h.holdId)).toEqual(before.holds.map((h) => h.holdId));
    // y's first basket: b from the lot expiring tomorrow (FEFO), and its hold ends when that day begins.
    const yFirst = value(2);
    const yb = yFirst.holds.find((h) => h.productId === b.id);
    expect(yb?.expiresAt).toBe(`${tomorrow}T00:00:00.000Z`);
    expect(yFirst.expiresAt).toBe(`${tomorrow}T00:00:00.000Z`);
    const allocations = await db.holdAllocation.findMany({ where: { holdId: yb?.holdId } });
    expect(allocations.map((al) => [al.lotId, al.quantity])).toEqual([[bLots[1], 2]]);

    const live = await db.hold.findMany({
      where: { productId: { in: [a.id, b.id] }, status: "HELD" },
      select: { cartId: true, productId: true, quantity: true },
    });
    const byCart = Object.fromEntries(
      live.map((h) => [
        `${h.cartId === x ? "x" : h.cartId === w ? "w" : h.cartId === y ? "y" : h.cartId === u ? "u" : "?"}:${h.productId === a.id ? "a" : "b"}`,
        h.quantity,
      ]),
    );
    expect(byCart).toEqual({ "x:a": 1, "w:a": 1, "y:a": 2, "u:a": 1 });
    const released = await db.hold.findFirst({ where: { cartId: y, productId: b.id } });
    expect(released).toMatchObject({ status: "RELEASED", statusReason: "removed from cart" });
    expect(await availabilityOf(stock.deps, [a.id, b.id])).toEqual(
      new Map([
        [a.id, 0],
        [b.id, 3],
      ]),
    );
    // One expiry job for the whole second batch, due with its latest hold (y asked for a day).
    const jobs = await db.$queryRaw<{ carts: string[]; startAfter: Date }[]>`
      SELECT ARRAY(SELECT jsonb_array_elements_text(data->'cartIds')) AS carts, start_after AS "startAfter"
      FROM pgboss.job WHERE name = 'hold.expire' AND data->'cartIds' ? ${z}`;
    expect(jobs.map((j) => [...j.carts].sort())).toEqual([[x, y, z, v, u].sort()]);
    expect(jobs[0]?.startAfter.getTime()).toBe(clock.now().getTime() + 86_400_000);
    await expectValidInventory(db, clock.now());
  });
});
