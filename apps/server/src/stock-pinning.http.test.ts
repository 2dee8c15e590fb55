import { randomBytes } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { expirePendingOrders } from "@stockroom/domain";
import { createStaff, createStockWorld, expectValidInventory, ManualClock, productWithStock, TEST_CHECKOUT, TEST_PASSWORD } from "@stockroom/domain/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildServer } from "./app.ts";
import { createServerDeps } from "./deps.ts";
import { useTestServer } from "./testing/use-test-server.ts";

// Issue 13, probe 5: an anonymous script must not be able to pin stock (real server, real Postgres).
const database = useTestDatabase();
const clock = new ManualClock(new Date("2026-05-01T12:00:00Z"));
const server = useTestServer(database, clock);
beforeEach(() => clock.reset());

const cartToken = () => randomBytes(16).toString("base64url");
const call = (path: string, body: unknown, token: string, extra: Record<string, string> = {}, app = server.app) =>
  app.inject({
    method: "POST",
    url: `/trpc/${path}`,
    headers: { "content-type": "application/json", "x-stockroom-csrf": "1", "x-cart-token": token, ...extra },
    payload: JSON.stringify(body),
  });

async function product(quantity: number) {
  const world = await createStockWorld(database.current.db);
  return productWithStock(server.testDeps.deps, world, [{ quantity }]);
}

describe("probe 5: PENDING orders expire", () => {
  it("an order nobody confirms is cancelled after 48 h, its stock released, and the customer sees why", async () => {
    const { product: p, lotIds } = await product(100);
    const token = cartToken();
    const lines = [{ productId: p.id, quantity: 40 }];
    expect((await call("cart.reserve", { lines }, token)).statusCode).toBe(200);
    const placed = await call("orders.place", { ...TEST_CHECKOUT, lines }, token);
    expect(placed.statusCode).toBe(200);
    const orderId = placed.json().result.data.orders[0].orderId as string;

    clock.advance(48 * 3_600_000 + 1_000);
    expect(await expirePendingOrders(server.testDeps.deps, { ttlHours: 48 })).toEqual({ cancelled: 1 });

    const mine = await server.app.inject({
      method: "GET",
      url: `/trpc/orders.mine?input=${encodeURIComponent(JSON.stringify({ orderId }))}`,
      headers: { "x-cart-token": token },
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().result.data).toMatchObject({
      status: "CANCELLED",
      cancelReason: "Not confirmed within 48 hours",
      cancelledAt: clock.now().toISOString(),
    });
    expect((await database.current.db.lot.findUniqueOrThrow({ where: { id: lotIds[0] } })).reserved).toBe(0);
    await expectValidInventory(database.current.db, clock.now());
  });
});

describe("probe 5: quantity limits", () => {
  // The server as main.ts builds it: the coalesced hold path (group commit) for holds without a key.
  let coalescing: Awaited<ReturnType<typeof createServerDeps>>;
  let coalescingApp: FastifyInstance;
  beforeAll(async () => {
    coalescing = await createServerDeps(database.current.url, 4, { isHoldCoalescing: true, holdLanes: 1, holdDepth: 1, holdTtlSeconds: 900 });
    coalescingApp = await buildServer({ env: { LOG_LEVEL: "silent", SESSION_TTL_HOURS: 12, SERVE_SPAS: false, COOKIE_SECURE: false }, deps: coalescing.deps });
  });
  afterAll(async () => {
    await coalescingApp.close();
    await coalescing.close();
  });

  it("10,000 units of one product (of 100,000) in one cart is a 400 naming lines.0.quantity, on both hold paths and when placing; nothing held", async () => {
    const { product: p } = await product(100_000);
    const lines = [{ productId: p.id, quantity: 10_000 }];
    const token = cartToken();
    // Coalesced (no key), direct (no coalescer; an idempotency key), and placing the order.
    for (const [path, extra, app] of [
      ["cart.reserve", {}, coalescingApp],
      ["cart.reserve", {}, server.app],
      ["cart.reserve", { idempotencyKey: "limit-probe-1" }, coalescingApp],
      ["orders.place", TEST_CHECKOUT, coalescingApp],
    ] as const) {
      const response = await call(path, { lines, ...extra }, token, {}, app);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.data).toMatchObject({
        code: "BAD_REQUEST",
        domainCode: "VALIDATION_FAILED",
        fields: { "lines.0.quantity": expect.stringMatching(/^At most \d+ /) },
      });
    }
    // Above CART_MAX_UNITS (500) as well: refused before any database work, no batch ran.
    expect(coalescing.deps.holdCoalescer?.stats().batches).toBe(0);
    expect(await database.current.db.hold.count({ where: { productId: p.id } })).toBe(0);
    expect(await database.current.db.order.count({ where: { lines: { some: { productId: p.id } } } })).toBe(0);
  });

  it("101 units of one product is above the default of 100 per product, on both hold paths", async () => {
    const { product: p } = await product(1_000);
    // Checked in SQL under the product's lock: by the coalesced batch (stock_reserve_carts) and the direct path.
    for (const [extra, app] of [
      [{}, coalescingApp],
      [{ idempotencyKey: "limit-probe-2" }, coalescingApp],
      [{}, server.app],
    ] as const) {
      const response = await call("cart.reserve", { lines: [{ productId: p.id, quantity: 101 }], ...extra }, cartToken(), {}, app);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.data.fields).toEqual({ "lines.0.quantity": "At most 100 per order for this product." });
    }
    expect(coalescing.deps.holdCoalescer?.stats().batches).toBe(1);
    expect(await database.current.db.hold.count({ where: { productId: p.id } })).toBe(0);
    expect((await call("cart.reserve", { lines: [{ productId: p.id, quantity: 100 }] }, cartToken())).statusCode).toBe(200);
  });
});

describe("probe 5: a product's own limit per order", () => {
  it("staff set maxPerCart (bounded 1..100000, null = default) and holds follow it", async () => {
    const { product: p } = await product(1_000);
    const staff = await createStaff(database.current.db, { role: "PLATFORM_ADMIN", producerId: null });
    const signIn = await call("auth.signIn", { email: staff.email, password: TEST_PASSWORD }, cartToken());
    const cookie = String(signIn.headers["set-cookie"]).split(";")[0] as string;
    const update = (maxPerCart: unknown) => call("products.update", { productId: p.id, maxPerCart }, cartToken(), { cookie });
    for (const [value, message] of [
      [0, "Limit per order must be at least 1."],
      [100_001, "Limit per order is too large."],
    ] as const) {
      const refused = await update(value);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.data.fields).toEqual({ maxPerCart: message });
    }
    const saved = await update(5);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().result.data.maxPerCart).toBe(5);
    const over = await call("cart.reserve", { lines: [{ productId: p.id, quantity: 6 }] }, cartToken());
    expect(over.json().error.data.fields).toEqual({ "lines.0.quantity": "At most 5 per order for this product." });
    expect((await update(null)).json().result.data.maxPerCart).toBeNull();
    expect((await call("cart.reserve", { lines: [{ productId: p.id, quantity: 6 }] }, cartToken())).statusCode).toBe(200);
  });
});

describe("probe 5: anonymous holds and orders are rate limited per cart token and per IP", () => {
  let limited: FastifyInstance;
  beforeAll(async () => {
    limited = await buildServer({
      env: {
        LOG_LEVEL: "silent",
        SESSION_TTL_HOURS: 12,
        SERVE_SPAS: false,
        COOKIE_SECURE: false,
        RATE_LIMIT_HOLDS_PER_CART_PER_MIN: 5,
        RATE_LIMIT_HOLDS_PER_IP_PER_MIN: 12,
      },
      deps: server.testDeps.deps,
    });
  });
  afterAll(() => limited.close());

  const send = (url: string, token: string, ip: string, payload: unknown) =>
    limited.inject({
      method: "POST",
      url,
      remoteAddress: ip,
      headers: { "content-type": "application/json", "x-stockroom-csrf": "1", "x-cart-token": token },
      payload: JSON.stringify(payload),
    });
  const reserve = (productId: string, token: string, ip: string) => send("/trpc/cart.reserve", token, ip, { lines: [{ productId, quantity: 1 }] });

  function expectRefused(response: Awaited<ReturnType<typeof send>>) {
    expect(response.statusCode).toBe(429);
    const retryAfter = Number(response.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    return retryAfter;
  }

  it("the 6th hold of one cart within a minute is 429 with Retry-After; another cart from another IP still passes", async () => {
    const { product: p } = await product(100);
    const token = cartToken();
    for (let i = 0; i < 5; i++) expect((await reserve(p.id, token, "10.0.1.1")).statusCode).toBe(200);
    const refused = await reserve(p.id, token, "10.0.1.1");
    const retryAfter = expectRefused(refused);
    expect(refused.headers["x-trpc-direct"]).toBe("1");
    expect(refused.json().error.data).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      httpStatus: 429,
      domainCode: "RATE_LIMITED",
      details: { retryAfterSeconds: retryAfter },
    });
    expect(refused.json().error.message).toMatch(/^Too many attempts to reserve or order\. Please wait \d+ seconds? and try again\.$/);
    // The same cart from another IP is still the same cart; orders.place counts against it too.
    expectRefused(await send("/trpc/orders.place", token, "10.0.1.2", { lines: [{ productId: p.id, quantity: 1 }] }));
    expect((await reserve(p.id, cartToken(), "10.0.1.3")).statusCode).toBe(200);
    // Refused calls held nothing: 5 from the first cart, 1 from the other.
    expect((await database.current.db.hold.aggregate({ where: { productId: p.id, status: "HELD" }, _count: true }))._count).toBe(2);
  });

  it("one IP is limited across many carts; another IP is not", async () => {
    const { product: p } = await product(100);
    for (let i = 0; i < 12; i++) expect((await reserve(p.id, cartToken(), "10.0.2.1")).statusCode).toBe(200);
    const token = cartToken();
    expectRefused(await reserve(p.id, token, "10.0.2.1"));
    // Refused by its IP before its cart was counted: that cart still has all 5 calls elsewhere.
    for (let i = 0; i < 5; i++) expect((await reserve(p.id, token, "10.0.2.2")).statusCode).toBe(200);
    expectRefused(await reserve(p.id, token, "10.0.2.2"));
  });

  it("a batch containing cart.reserve is limited, counting each call; so is the REST route", async () => {
    const { product: p } = await product(100);
    const token = cartToken();
    const input = { lines: [{ productId: p.id, quantity: 1 }] };
    // Four holds in one batch: 4 of the cart's 5; the REST route takes the 5th.
    const batch = await send("/trpc/cart.reserve,cart.reserve,cart.reserve,cart.reserve?batch=1", token, "10.0.3.1", {
      0: input,
      1: input,
      2: input,
      3: input,
    });
    expect(batch.statusCode).toBe(200);
    expect((await send("/api/cart/reserve", token, "10.0.3.1", input)).statusCode).toBe(200);
    const over = await send("/trpc/cart.reserve,cart.reserve?batch=1", token, "10.0.3.1", { 0: input, 1: input });
    expectRefused(over);
    expect(over.headers["x-trpc-direct"]).toBeUndefined();
    expect((over.json() as { error: { data: { code: string } } }[]).map((r) => r.error.data.code)).toEqual(["TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
    const rest = await send("/api/cart/reserve", token, "10.0.3.1", input);
    expectRefused(rest);
    expect(rest.json().error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/^Too many attempts/) });
  });
});
