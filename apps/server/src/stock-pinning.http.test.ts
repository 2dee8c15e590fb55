import { randomBytes } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { expirePendingOrders } from "@stockroom/domain";
import { createStockWorld, expectValidInventory, ManualClock, productWithStock } from "@stockroom/domain/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestServer } from "./testing/use-test-server.ts";

// Issue 13, probe 5: an anonymous script must not be able to pin stock (real server, real Postgres).
const database = useTestDatabase();
const clock = new ManualClock(new Date("2026-05-01T12:00:00Z"));
const server = useTestServer(database, clock);
beforeEach(() => clock.reset());

const cartToken = () => randomBytes(16).toString("base64url");
const call = (path: string, body: unknown, token: string, extra: Record<string, string> = {}) =>
  server.app.inject({
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
    const placed = await call("orders.place", { lines }, token);
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
  it("10,000 units of one product (of 100,000) in one cart is a 400 naming lines.0.quantity, on both hold paths and when placing; nothing held", async () => {
    const { product: p } = await product(100_000);
    const lines = [{ productId: p.id, quantity: 10_000 }];
    const token = cartToken();
    // Without and with an idempotency key, and placing the order (both hold paths: domain cart-limits.test.ts).
    for (const [path, extra] of [
      ["cart.reserve", {}],
      ["cart.reserve", { idempotencyKey: "limit-probe-1" }],
      ["orders.place", {}],
    ] as const) {
      const response = await call(path, { lines, ...extra }, token);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.data).toMatchObject({
        code: "BAD_REQUEST",
        domainCode: "VALIDATION_FAILED",
        fields: { "lines.0.quantity": expect.stringMatching(/^At most \d+ /) },
      });
    }
    expect(await database.current.db.hold.count({ where: { productId: p.id } })).toBe(0);
    expect(await database.current.db.order.count({ where: { lines: { some: { productId: p.id } } } })).toBe(0);
  });

  it("101 units of one product is above the default of 100 per product, on both hold paths", async () => {
    const { product: p } = await product(1_000);
    for (const extra of [{}, { idempotencyKey: "limit-probe-2" }]) {
      const response = await call("cart.reserve", { lines: [{ productId: p.id, quantity: 101 }], ...extra }, cartToken());
      expect(response.statusCode).toBe(400);
      expect(response.json().error.data.fields).toEqual({ "lines.0.quantity": "At most 100 per order for this product." });
    }
    expect(await database.current.db.hold.count({ where: { productId: p.id } })).toBe(0);
    expect((await call("cart.reserve", { lines: [{ productId: p.id, quantity: 100 }] }, cartToken())).statusCode).toBe(200);
  });
});
