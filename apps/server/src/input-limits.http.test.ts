import { randomUUID } from "node:crypto";
import { createPool } from "@stockroom/db";
import { useTestDatabase } from "@stockroom/db/testing";
import { createStaff, TEST_PASSWORD } from "@stockroom/domain/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, SESSION_COOKIE } from "./app.ts";
import { createServerDeps } from "./deps.ts";

// Issue 13, probes 3 and 4, against the real server over HTTP with the server's own dependencies
// (createServerDeps: both pools with a short statement timeout).
const database = useTestDatabase();
const STATEMENT_TIMEOUT_MS = 300;
let app: FastifyInstance;
let server: Awaited<ReturnType<typeof createServerDeps>>;
let base: string;
let cookie: string;

beforeAll(async () => {
  server = await createServerDeps(database.current.appUrl, 4, {
    isHoldCoalescing: true,
    holdLanes: 1,
    holdDepth: 1,
    holdTtlSeconds: 900,
    statementTimeoutMs: STATEMENT_TIMEOUT_MS,
  });
  app = await buildServer({ env: { LOG_LEVEL: "silent", SESSION_TTL_HOURS: 12, SERVE_SPAS: false, COOKIE_SECURE: false }, deps: server.deps });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
  const staff = await createStaff(database.current.db, { role: "PLATFORM_ADMIN", producerId: null });
  const signIn = await post("/trpc/auth.signIn", { email: staff.email, password: TEST_PASSWORD });
  expect(signIn.status).toBe(200);
  cookie = `${SESSION_COOKIE}=${/stockroom_session=([^;]+)/.exec(signIn.headers.get("set-cookie") ?? "")?.[1]}`;
});
afterAll(async () => {
  await app.close();
  await server.close();
});

const headers = () => ({ "content-type": "application/json", "x-stockroom-csrf": "1", cookie: cookie ?? "" });
const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: "POST", headers: { ...headers(), ...extra }, body: JSON.stringify(body) });
const query = (path: string, input: unknown) => fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: headers() });

async function refusal(response: Response) {
  const body = (await response.json()) as { error: { data: { code: string; domainCode: string; fields: Record<string, string> | null } } };
  return { status: response.status, code: body.error.data.code, domainCode: body.error.data.domainCode, fields: body.error.data.fields };
}

describe("probe 4: out-of-range numbers and impossible days are a 400 naming the field", () => {
  it("stock.writeOff with 3,000,000,000 units", async () => {
    const response = await post("/trpc/stock.writeOff", { lotId: randomUUID(), quantity: 3_000_000_000, reason: "DAMAGED" });
    expect(await refusal(response)).toEqual({
      status: 400,
      code: "BAD_REQUEST",
      domainCode: "VALIDATION_FAILED",
      fields: { quantity: "Quantity is too large." },
    });
  });

  it("products.update with a price of 10^12 cents", async () => {
    const response = await post("/trpc/products.update", { productId: randomUUID(), priceCents: 10 ** 12 });
    expect(await refusal(response)).toEqual({
      status: 400,
      code: "BAD_REQUEST",
      domainCode: "VALIDATION_FAILED",
      fields: { priceCents: "Price is too large." },
    });
  });

  it("reports.movementSeries from 2026-02-31", async () => {
    const response = await query("reports.movementSeries", { from: "2026-02-31", to: "2026-03-10" });
    expect(await refusal(response)).toEqual({
      status: 400,
      code: "BAD_REQUEST",
      domainCode: "VALIDATION_FAILED",
      fields: { from: "That day does not exist." },
    });
  });
});

describe("probe 3: unbounded reports and slow statements", () => {
  it("reports.lowStockTrend from 0001-01-01 to 9999-12-31 is refused at once", async () => {
    const response = await query("reports.lowStockTrend", { from: "0001-01-01", to: "9999-12-31" });
    expect(await refusal(response)).toEqual({
      status: 400,
      code: "BAD_REQUEST",
      domainCode: "VALIDATION_FAILED",
      fields: { to: "Choose a range of at most two years." },
    });
  });

  it("a statement past the timeout (blocked by a lock) is a 503 TIMEOUT on tRPC and REST, on both pools", async () => {
    const locker = createPool(database.current.url, 1);
    const client = await locker.connect();
    try {
      await client.query(`BEGIN; LOCK TABLE "Product" IN ACCESS EXCLUSIVE MODE`);
      const started = Date.now();
      // Prisma's pool: the catalog reads products.
      const listed = await query("catalog.list", {});
      expect(await refusal(listed)).toMatchObject({ status: 503, code: "SERVICE_UNAVAILABLE", domainCode: "TIMEOUT" });
      // The hold pool: the coalesced hold locks the cart's product rows.
      const held = await post("/api/cart/reserve", { lines: [{ productId: randomUUID(), quantity: 1 }] }, { "x-cart-token": "c".repeat(32) });
      expect(held.status).toBe(503);
      expect(((await held.json()) as { error: unknown }).error).toMatchObject({ code: "TIMEOUT", message: expect.stringContaining("took too long") });
      expect(Date.now() - started).toBeLessThan(20 * STATEMENT_TIMEOUT_MS);
    } finally {
      await client.query("ROLLBACK");
      client.release();
      await locker.end();
    }
  });
});
