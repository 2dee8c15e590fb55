import { useTestDatabase } from "@stockroom/db/testing";
import { type ApiKeyScope, createApiKey, revokeApiKey } from "@stockroom/domain";
import { createStaff, createStockWorld, productWithStock, TEST_PASSWORD } from "@stockroom/domain/testing";
import { describe, expect, it } from "vitest";
import { useTestServer } from "../testing/use-test-server.ts";
import { API_ROUTES } from "./route-table.ts";

const database = useTestDatabase();
const server = useTestServer(database);

async function keyFor(world: Awaited<ReturnType<typeof createStockWorld>>, scopes: ApiKeyScope[]) {
  return createApiKey(server.testDeps.deps, world.admin, { producerId: world.producer.id, name: `Key ${scopes.join("+")}`, scopes });
}

const call = (secret: string | null, method: string, url: string, payload?: object, headers: Record<string, string> = {}) =>
  server.app.inject({ method: method as "GET", url, payload, headers: { ...(secret ? { authorization: `Bearer ${secret}` } : {}), ...headers } });

describe("/api/v1 authentication", () => {
  it("answers 401 problem+json without a key, with a bad, revoked or expired key, and ignores a signed-in staff cookie", async () => {
    const world = await createStockWorld(database.current.db);
    const staff = await createStaff(database.current.db, { role: "PRODUCER_ADMIN", producerId: world.producer.id });
    const signIn = await server.app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      headers: { "content-type": "application/json", "x-stockroom-csrf": "1" },
      payload: { email: staff.email, password: TEST_PASSWORD },
    });
    const cookie = String(signIn.headers["set-cookie"]).split(";")[0] as string;
    const revoked = await keyFor(world, ["read"]);
    await revokeApiKey(server.testDeps.deps, world.admin, { apiKeyId: revoked.id });
    const expired = await keyFor(world, ["read"]);
    await database.current.db.apiKey.update({ where: { id: expired.id }, data: { expiresAt: new Date(server.testDeps.deps.clock.now().getTime() - 1000) } });
    for (const [secret, headers] of [
      [null, {}],
      [null, { cookie }],
      ["sr_nothing_at_all", {}],
      [revoked.secret, {}],
      [expired.secret, {}],
    ] as const) {
      const answer = await call(secret, "GET", "/api/v1/products", undefined, headers);
      expect(answer.statusCode).toBe(401);
      expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(answer.json()).toMatchObject({ type: "urn:stockroom:problem:unauthenticated", status: 401, code: "UNAUTHENTICATED", fields: null });
      expect(answer.json().requestId).toEqual(expect.any(String));
    }
  });

  it("needs no CSRF header for a bearer call, and pages products with an opaque cursor", async () => {
    const world = await createStockWorld(database.current.db);
    for (const name of ["Apple", "Banana", "Cherry"]) await productWithStock(server.testDeps.deps, world, [], { name });
    const { secret } = await keyFor(world, ["read"]);
    const first = await call(secret, "GET", "/api/v1/products?limit=2");
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((p: { name: string }) => p.name)).toEqual(["Apple", "Banana"]);
    const second = await call(secret, "GET", `/api/v1/products?limit=2&cursor=${first.json().nextCursor}`);
    expect([second.json().items.map((p: { name: string }) => p.name), second.json().nextCursor]).toEqual([["Cherry"], null]);
    const bad = await call(secret, "GET", "/api/v1/products?limit=0&cursor=abc");
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(["limit"]);
    const forged = await call(secret, "GET", "/api/v1/products?cursor=WzEsMl0");
    expect([forged.statusCode, forged.json().fields]).toEqual([400, { cursor: "not a cursor from this list" }]);
  });
});

describe("/api/v1 scopes and tenancy", () => {
  it("a read key gets 403 naming the scope on every mutation route, and nothing changes", async () => {
    const world = await createStockWorld(database.current.db);
    const { product, lotIds } = await productWithStock(server.testDeps.deps, world, [{ quantity: 5 }]);
    const { secret } = await keyFor(world, ["read"]);
    const mutations = API_ROUTES.filter((r) => r.method !== "GET");
    expect(mutations.length).toBeGreaterThanOrEqual(8);
    const before = await database.current.db.movement.count();
    for (const route of mutations) {
      const url = `/api/v1${route.path}`.replace("{productId}", product.id).replace("{orderId}", product.id);
      const answer = await call(secret, route.method, url, { lotId: lotIds[0], quantity: 1 });
      expect([route.path, answer.statusCode, answer.json().code]).toEqual([route.path, 403, "FORBIDDEN"]);
      expect(answer.json().details.requiredScope).toMatch(/^(stock|orders|catalog):write$/);
    }
    expect(await database.current.db.movement.count()).toBe(before);
    expect((await database.current.db.product.findUniqueOrThrow({ where: { id: product.id } })).archivedAt).toBeNull();
  });

  it("a key of producer B gets 404 for producer A's product, lot and order, and changes nothing", async () => {
    const a = await createStockWorld(database.current.db);
    const b = await createStockWorld(database.current.db);
    const { product, lotIds } = await productWithStock(server.testDeps.deps, a, [{ quantity: 5 }]);
    const { secret } = await keyFor(b, ["read", "stock:write", "catalog:write", "orders:write"]);
    const lotId = lotIds[0] as string;
    const attempts = [
      ["GET", `/api/v1/products/${product.id}`, undefined],
      ["GET", `/api/v1/products/${product.id}/stock`, undefined],
      ["PATCH", `/api/v1/products/${product.id}`, { name: "Mine now" }],
      ["POST", `/api/v1/products/${product.id}/archive`, undefined],
      ["POST", "/api/v1/stock/adjust", { lotId, change: -1, reason: "Count correction" }],
      ["POST", "/api/v1/stock/receive", { productId: product.id, locationId: b.shop.id, lotNumber: "B-1", quantity: 1 }],
      ["GET", `/api/v1/movements?productId=${product.id}`, undefined],
    ] as const;
    for (const [method, url, body] of attempts) {
      const answer = await call(secret, method, url, body);
      expect([url, answer.statusCode, answer.json().code]).toEqual([url, 404, "NOT_FOUND"]);
    }
    expect((await database.current.db.lot.findUniqueOrThrow({ where: { id: lotId } })).onHand).toBe(5);
    expect((await database.current.db.product.findUniqueOrThrow({ where: { id: product.id } })).name).not.toBe("Mine now");
  });
});

describe("/api/v1 changes", () => {
  it("receives once per Idempotency-Key, names the key on the movement, and reports stock per location and lot", async () => {
    const world = await createStockWorld(database.current.db);
    const { product } = await productWithStock(server.testDeps.deps, world, [{ quantity: 4 }]);
    const key = await keyFor(world, ["read", "stock:write"]);
    const body = { productId: product.id, locationId: world.backStore.id, lotNumber: "API-1", quantity: 6 };
    const first = await call(key.secret, "POST", "/api/v1/stock/receive", body, { "idempotency-key": "receipt-0001" });
    const again = await call(key.secret, "POST", "/api/v1/stock/receive", body, { "idempotency-key": "receipt-0001" });
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json()).toEqual(first.json());
    const movements = await call(key.secret, "GET", `/api/v1/movements?productId=${product.id}&type=RECEIPT`);
    expect(movements.json().items.map((m: { quantity: number; actorName: string }) => [m.quantity, m.actorName])).toEqual([
      [6, `API key ${key.name} (${key.prefix})`],
      [4, expect.any(String)],
    ]);
    const stock = await call(key.secret, "GET", `/api/v1/products/${product.id}/stock`);
    expect(
      stock
        .json()
        .locations.map((l: { location: string; onHand: number }) => [l.location, l.onHand])
        .sort(),
    ).toEqual([
      ["Back store", 6],
      ["Shop", 4],
    ]);
    expect(stock.json().available).toBe(4);
  });

  it("refuses a bad body with 400 naming the field, and an unknown route with a 404 problem", async () => {
    const world = await createStockWorld(database.current.db);
    const { secret } = await keyFor(world, ["stock:write"]);
    const bad = await call(secret, "POST", "/api/v1/stock/adjust", { lotId: "nope", change: 1.5 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(["change", "lotId", "reason"]);
    const notJson = await server.app.inject({
      method: "POST",
      url: "/api/v1/stock/adjust",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      payload: "{",
    });
    expect([notJson.statusCode, notJson.json().code]).toEqual([400, "BAD_REQUEST"]);
    const unknown = await call(secret, "GET", "/api/v1/nothing-here");
    expect([unknown.statusCode, unknown.headers["content-type"], unknown.json().code]).toEqual([404, "application/problem+json; charset=utf-8", "NOT_FOUND"]);
  });
});

describe("/api/v1 reference", () => {
  it("serves the reference page and its script from this server, with a CSP that allows only its own inline script", async () => {
    const page = await server.app.inject({ method: "GET", url: "/api/v1/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('src="js/scalar.js"');
    expect(page.body).not.toMatch(/https?:\/\/(cdn|fonts)\./);
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    const script = await server.app.inject({ method: "GET", url: "/api/v1/docs/js/scalar.js" });
    expect([script.statusCode, script.headers["content-type"]]).toEqual([200, "application/javascript; charset=utf-8"]);
    // Everywhere else the strict policy stays.
    const other = await server.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(String(other.headers["content-security-policy"])).toContain("style-src 'self';");
  });
});
