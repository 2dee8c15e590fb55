import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { appRouter, createContextInner } from "@stockroom/api";
import { createDb } from "@stockroom/db";
import { useTestDatabase } from "@stockroom/db/testing";
import { createStockWorld, createTestDeps, productWithStock } from "@stockroom/domain/testing";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, SESSION_COOKIE } from "./app.ts";

const database = useTestDatabase();
let app: FastifyInstance;
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;
const config = { sessionTtlHours: 12 };

beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url);
  app = await buildServer({
    env: { LOG_LEVEL: "silent", SESSION_TTL_HOURS: config.sessionTtlHours, SERVE_SPAS: false, COOKIE_SECURE: false },
    deps: testDeps.deps,
  });
});
afterAll(async () => {
  await app.close();
  await testDeps.close();
});

interface Call {
  method: "GET" | "POST" | "PUT";
  /** After /trpc/, with any query string. */
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Answer {
  status: number;
  contentType: string | undefined;
  vary: string | undefined;
  body: unknown;
}

const REQUEST_ID = "conformance-1";

/** The same request through our server (Fastify, plain calls answered by trpc-http.ts). */
async function throughServer(call: Call): Promise<Answer> {
  const response = await app.inject({
    method: call.method,
    url: `/trpc/${call.url}`,
    headers: { "x-stockroom-csrf": "1", "x-request-id": REQUEST_ID, ...call.headers },
    ...(call.body === undefined ? {} : { payload: call.body }),
  });
  return {
    status: response.statusCode,
    contentType: String(response.headers["content-type"]).split(";")[0],
    vary: response.headers.vary as string | undefined,
    body: normalize(response.body),
  };
}

/** The same request through tRPC's own fetch adapter: the reference answer. */
async function throughTrpc(call: Call): Promise<Answer> {
  const response = await fetchRequestHandler({
    endpoint: "/trpc",
    router: appRouter,
    req: new Request(`http://localhost/trpc/${call.url}`, { method: call.method, headers: call.headers, body: call.body }),
    createContext: ({ req }) =>
      createContextInner({
        deps: testDeps.deps,
        config,
        ip: "127.0.0.1",
        requestId: REQUEST_ID,
        log: app.log,
        cartToken: req.headers.get("x-cart-token") ?? undefined,
        session: { token: undefined, set: () => {}, clear: () => {} },
      }),
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type")?.split(";")[0],
    vary: response.headers.get("vary") ?? undefined,
    body: normalize(await response.text()),
  };
}

/** Ids and times differ between two successful holds; everything else must not. */
function normalize(text: string): unknown {
  return JSON.parse(
    text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>").replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "<time>"),
  );
}

const json = { "content-type": "application/json" };
const token = () => randomBytes(16).toString("base64url");

describe("tRPC over HTTP: plain calls answered exactly as tRPC's adapter answers them", () => {
  it("matches tRPC for successes, domain errors, validation errors and every case it hands back to tRPC", async () => {
    const world = await createStockWorld(database.current.db);
    const { product } = await productWithStock(testDeps.deps, world, [{ quantity: 5 }]);
    const reserve = (quantity: number) => JSON.stringify({ lines: [{ productId: product.id, quantity }] });
    const catalogInput = encodeURIComponent(JSON.stringify({ search: product.name }));

    const cases: { name: string; call: () => Call; status: number }[] = [
      { name: "query", call: () => ({ method: "GET", url: `catalog.list?input=${catalogInput}` }), status: 200 },
      { name: "query without input", call: () => ({ method: "GET", url: "auth.me" }), status: 200 },
      { name: "mutation", call: () => ({ method: "POST", url: "cart.reserve", headers: { ...json, "x-cart-token": token() }, body: reserve(1) }), status: 200 },
      {
        name: "short stock",
        call: () => ({ method: "POST", url: "cart.reserve", headers: { ...json, "x-cart-token": token() }, body: reserve(50) }),
        status: 409,
      },
      {
        name: "invalid input",
        call: () => ({ method: "POST", url: "cart.reserve", headers: { ...json, "x-cart-token": token() }, body: reserve(0) }),
        status: 400,
      },
      { name: "no cart token", call: () => ({ method: "POST", url: "cart.reserve", headers: json, body: reserve(1) }), status: 401 },
      { name: "mutation without input or body", call: () => ({ method: "POST", url: "auth.signOut", headers: json }), status: 200 },
      { name: "mutation with an empty body", call: () => ({ method: "POST", url: "auth.signOut", headers: json, body: "" }), status: 200 },
      { name: "staff only, signed out", call: () => ({ method: "GET", url: `products.list?input=${encodeURIComponent("{}")}` }), status: 401 },
      // Handed to tRPC's adapter:
      { name: "unknown procedure", call: () => ({ method: "GET", url: "nothing.here" }), status: 404 },
      { name: "query over POST", call: () => ({ method: "POST", url: "auth.me", headers: json, body: "{}" }), status: 405 },
      { name: "mutation over GET", call: () => ({ method: "GET", url: "cart.reserve" }), status: 405 },
      {
        name: "unparsable JSON",
        call: () => ({ method: "POST", url: "cart.reserve", headers: { ...json, "x-cart-token": token() }, body: "{nope" }),
        status: 400,
      },
      { name: "unparsable query input", call: () => ({ method: "GET", url: "catalog.list?input=%7Bnope" }), status: 400 },
      {
        name: "batch",
        call: () => ({ method: "GET", url: `auth.me,catalog.list?batch=1&input=${encodeURIComponent(JSON.stringify({ 1: {} }))}` }),
        status: 200,
      },
      { name: "other method", call: () => ({ method: "PUT", url: "cart.reserve", headers: json, body: reserve(1) }), status: 405 },
    ];
    for (const { name, call, status } of cases) {
      const ours = await throughServer(call());
      const reference = await throughTrpc(call());
      expect({ name, ...ours }).toEqual({ name, ...reference });
      expect({ name, status: ours.status }).toEqual({ name, status });
    }
    // The one successful hold per path held one unit each; no failure held anything.
    const held = await database.current.db.hold.aggregate({ where: { productId: product.id, status: "HELD" }, _sum: { quantity: true } });
    expect(held._sum.quantity).toBe(2);
  });

  it("a request whose context cannot be built (the session lookup fails) is a logged 500 on both paths", async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    // A database nothing listens on: the session lookup in createContext fails.
    const deps = { ...testDeps.deps, db: createDb("postgresql://nobody:nothing@127.0.0.1:1/none", { maxConnections: 1 }) };
    const broken = await buildServer({
      env: { LOG_LEVEL: "error", SESSION_TTL_HOURS: 12, SERVE_SPAS: false, COOKIE_SECURE: false },
      deps,
      logStream,
    });
    try {
      const cookie = `${SESSION_COOKIE}=some-session-token`;
      const plain = await broken.inject({ method: "GET", url: "/trpc/auth.me", headers: { cookie, "x-request-id": "ctx-1" } });
      const batched = await broken.inject({ method: "GET", url: "/trpc/auth.me?batch=1&input=%7B%7D", headers: { cookie, "x-request-id": "ctx-2" } });
      expect(plain.statusCode).toBe(500);
      expect(plain.json().error.message).toBe("Something went wrong on our side. Please try again.");
      expect(batched.statusCode).toBe(500);
      const logged = lines.map((line) => JSON.parse(line) as { msg: string; requestId: string }).filter((l) => l.msg === "could not build the request context");
      expect(logged.map((l) => l.requestId)).toEqual(["ctx-1", "ctx-2"]);
    } finally {
      await broken.close();
      await deps.db.$disconnect();
    }
  });
});
