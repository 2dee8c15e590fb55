import { beforeAll, describe, expect, it } from "vitest";
import { domainFailure, expectValidInventory, HOLD_PATHS, newCartId, productWithStock, useHoldPath, useStockWorld } from "../testing/index.ts";
import { availabilityOf } from "./availability.ts";
import { releaseCartHolds } from "./release-holds.ts";
import { reserveCart } from "./reserve-cart.ts";

const START = "2026-06-01T09:00:00Z";
const stock = useStockWorld({ maxConnections: 20, start: START });
const { clock } = stock;

describe.each(HOLD_PATHS)("cart holds (%s)", (path) => {
  const holdPath = useHoldPath(path, stock);
  // Each path starts at the same time: the tests below move the clock and expect exact expiries.
  beforeAll(() => clock.set(new Date(START)));

  it("holds FEFO across sellable lots: earliest expiry, then earliest received, never expired or non-sellable", async () => {
    const deps = holdPath.deps;
    const { product, lotIds } = await productWithStock(deps, stock.world, [
      { quantity: 5, expiryDate: null, lotNumber: "NO-EXPIRY" },
      { quantity: 5, expiryDate: "2026-07-11", lotNumber: "IN-40-DAYS" },
      { quantity: 5, expiryDate: "2026-06-11", lotNumber: "IN-10-DAYS" },
      { quantity: 5, expiryDate: "2026-06-01", lotNumber: "EXPIRED-TODAY" },
      { quantity: 50, expiryDate: "2026-06-05", lotNumber: "BACK-STORE", locationId: stock.world.backStore.id },
    ]);
    const [noExpiry, in40, in10, expired, backStore] = lotIds as [string, string, string, string, string];
    const cartId = newCartId();
    const result = await reserveCart(deps, { cartId, lines: [{ productId: product.id, quantity: 12 }] });
    expect(result.expiresAt).toBe("2026-06-01T09:15:00.000Z");
    const allocations = await stock.db.holdAllocation.findMany({ where: { holdId: result.holds[0]?.holdId }, include: { lot: true } });
    const byLot = Object.fromEntries(allocations.map((a) => [a.lotId, a.quantity]));
    expect(byLot).toEqual({ [in10]: 5, [in40]: 5, [noExpiry]: 2 });
    expect(byLot[expired]).toBeUndefined();
    expect(byLot[backStore]).toBeUndefined();

    const short = await domainFailure(reserveCart(deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 4 }] }));
    expect(short.code).toBe("CONFLICT");
    expect(short.details).toEqual({ shortLines: [{ productId: product.id, requested: 4, available: 3 }] });
    expect(short.userMessage).toBe("Not enough stock for one line: requested 4, available 3.");
    await expectValidInventory(stock.db, clock.now());
  });

  it("is all or nothing across lines and names every short line", async () => {
    const deps = holdPath.deps;
    const a = await productWithStock(deps, stock.world, [{ quantity: 10 }]);
    const b = await productWithStock(deps, stock.world, [{ quantity: 1 }]);
    const c = await productWithStock(deps, stock.world, [{ quantity: 0 + 2 }]);
    const cartId = newCartId();
    const error = await domainFailure(
      reserveCart(deps, {
        cartId,
        lines: [
          { productId: a.product.id, quantity: 3 },
          { productId: b.product.id, quantity: 2 },
          { productId: c.product.id, quantity: 5 },
        ],
      }),
    );
    expect((error.details as { shortLines: unknown[] }).shortLines).toEqual(
      expect.arrayContaining([
        { productId: b.product.id, requested: 2, available: 1 },
        { productId: c.product.id, requested: 5, available: 2 },
      ]),
    );
    expect(await stock.db.hold.count({ where: { cartId } })).toBe(0);
    const available = await availabilityOf(deps, [a.product.id, b.product.id, c.product.id]);
    expect([...available.values()]).toEqual(expect.arrayContaining([10, 1, 2]));
    await expectValidInventory(stock.db, clock.now());
  });

  it("refreshes the cart: same line extends the expiry, changed lines re-hold, dropped lines release", async () => {
    const deps = holdPath.deps;
    const a = await productWithStock(deps, stock.world, [{ quantity: 10 }]);
    const b = await productWithStock(deps, stock.world, [{ quantity: 10 }]);
    const cartId = newCartId();
    const first = await reserveCart(deps, {
      cartId,
      lines: [
        { productId: a.product.id, quantity: 2 },
        { productId: b.product.id, quantity: 3 },
      ],
    });
    clock.advance(60_000);
    const second = await reserveCart(deps, { cartId, lines: [{ productId: a.product.id, quantity: 2 }] });
    expect(second.expiresAt).toBe(new Date(clock.now().getTime() + 15 * 60_000).toISOString());
    const holdA = first.holds.find((h) => h.productId === a.product.id);
    expect(second.holds).toEqual([{ holdId: holdA?.holdId, productId: a.product.id, quantity: 2, expiresAt: second.expiresAt }]);
    const holds = await stock.db.hold.findMany({ where: { cartId }, orderBy: { productId: "asc" } });
    expect(holds.find((h) => h.productId === b.product.id)).toMatchObject({ status: "RELEASED", statusReason: "removed from cart" });
    expect((await availabilityOf(deps, [b.product.id])).get(b.product.id)).toBe(10);

    const third = await reserveCart(deps, { cartId, lines: [{ productId: a.product.id, quantity: 5 }] });
    expect(third.holds[0]?.holdId).not.toBe(holdA?.holdId);
    expect((await availabilityOf(deps, [a.product.id])).get(a.product.id)).toBe(5);

    expect(await releaseCartHolds(deps, { cartId })).toEqual({ released: 1 });
    expect((await availabilityOf(deps, [a.product.id])).get(a.product.id)).toBe(10);
    await expectValidInventory(stock.db, clock.now());
  });

  it("never blocks anyone after expiresAt, with no worker running: the next hold releases it and records why", async () => {
    const deps = holdPath.deps;
    const { product } = await productWithStock(deps, stock.world, [{ quantity: 1 }]);
    const first = newCartId();
    const held = await reserveCart(deps, { cartId: first, lines: [{ productId: product.id, quantity: 1 }], ttlSeconds: 1 });
    expect((await domainFailure(reserveCart(deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 1 }] }))).code).toBe("CONFLICT");
    expect((await availabilityOf(deps, [product.id])).get(product.id)).toBe(0);

    clock.advance(1_000);
    expect((await availabilityOf(deps, [product.id])).get(product.id)).toBe(1);
    const second = newCartId();
    await reserveCart(deps, { cartId: second, lines: [{ productId: product.id, quantity: 1 }] });
    const lapsed = await stock.db.hold.findUniqueOrThrow({ where: { id: held.holds[0]?.holdId } });
    expect(lapsed).toMatchObject({ status: "EXPIRED", statusReason: "expired: released when another hold needed the stock" });
    await expectValidInventory(stock.db, clock.now());
  });

  it("holds unlimited-stock products without lots", async () => {
    const deps = holdPath.deps;
    // 500 is above the default limit per cart (100): this product allows it.
    const { product } = await productWithStock(deps, stock.world, [], { trackInventory: false, maxPerCart: 500 });
    const result = await reserveCart(deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 500 }] });
    expect(result.holds).toHaveLength(1);
    expect((await availabilityOf(deps, [product.id])).get(product.id)).toBeNull();
  });

  it("rejects bad input naming the field, and unknown products as NOT_FOUND, changing nothing", async () => {
    const deps = holdPath.deps;
    const cartId = newCartId();
    const bad = await domainFailure(reserveCart(deps, { cartId, lines: [{ productId: "nope", quantity: 0 }] }));
    expect(bad.code).toBe("VALIDATION_FAILED");
    expect(bad.fields).toMatchObject({ "lines.0.productId": "Product id must be a UUID.", "lines.0.quantity": "Quantity must be at least 1." });
    const unknown = await domainFailure(reserveCart(deps, { cartId, lines: [{ productId: "00000000-0000-4000-8000-000000000000", quantity: 1 }] }));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(await stock.db.hold.count({ where: { cartId } })).toBe(0);
  });

  it("the same idempotency key sent 10 times concurrently makes one hold and identical responses", async () => {
    // Keyed holds bypass the coalescer by design; on "coalesced" this checks the server's deps keep them exactly once.
    holdPath.expectNoBatches();
    const deps = holdPath.deps;
    const { product } = await productWithStock(deps, stock.world, [{ quantity: 100 }]);
    const cartId = newCartId();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => reserveCart(deps, { cartId, lines: [{ productId: product.id, quantity: 3 }], idempotencyKey: "reserve-key-1" })),
    );
    expect(new Set(responses.map((r) => JSON.stringify(r))).size).toBe(1);
    for (const response of responses) expect(response).toEqual(responses[0]);
    expect(await stock.db.hold.count({ where: { cartId } })).toBe(1);
    expect((await availabilityOf(deps, [product.id])).get(product.id)).toBe(97);
    const reused = await domainFailure(reserveCart(deps, { cartId, lines: [{ productId: product.id, quantity: 4 }], idempotencyKey: "reserve-key-1" }));
    expect(reused.code).toBe("CONFLICT");
    expect(holdPath.stats()).toEqual({ requests: 0, batches: 0 });
  });
});

describe.each(HOLD_PATHS)("holds and lot expiry (%s)", (path) => {
  const holdPath = useHoldPath(path, stock);

  it("a hold on a lot expiring tomorrow ends at midnight, so a live hold never contains an expired lot", async () => {
    const deps = holdPath.deps;
    clock.set(new Date("2026-06-01T23:50:00Z"));
    const { product } = await productWithStock(deps, stock.world, [{ quantity: 3, expiryDate: "2026-06-02" }]);
    const result = await reserveCart(deps, { cartId: newCartId(), lines: [{ productId: product.id, quantity: 1 }] });
    expect(result.expiresAt).toBe("2026-06-02T00:00:00.000Z");
    expect(result.holds[0]?.expiresAt).toBe("2026-06-02T00:00:00.000Z");
    clock.set(new Date("2026-06-02T00:00:01Z"));
    expect((await availabilityOf(deps, [product.id])).get(product.id)).toBe(0);
    await expectValidInventory(stock.db, clock.now());
    clock.set(new Date(START));
  });
});
