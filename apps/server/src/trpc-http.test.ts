import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { createDb } from "@stockroom/db";
import { useTestDatabase } from "@stockroom/db/testing";
import { createStaff, createStockWorld, createTestDeps, productWithStock, TEST_PASSWORD } from "@stockroom/domain/testing";
import { initTRPC } from "@trpc/server";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildServer, SESSION_COOKIE } from "./app.ts";
import { DIRECT_HEADER, registerTrpc } from "./trpc-http.ts";

const database = useTestDatabase();
/** Our server: plain calls answered by trpc-http.ts. */
let app: FastifyInstance;
/** The same server with every tRPC call answered by tRPC's own Fastify adapter: the reference. */
let reference: FastifyInstance;
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;
const env = { LOG_LEVEL: "silent", SESSION_TTL_HOURS: 12, SERVE_SPAS: false, COOKIE_SECURE: false } as const;

beforeAll(async () => {
  testDeps = await createTestDeps(database.current.appDb, database.current.appUrl);
  app = await buildServer({ env, deps: testDeps.deps });
  reference = await buildServer({ env, deps: testDeps.deps, isTrpcDirect: false });
});
afterAll(async () => {
  await app.close();
  await reference.close();
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
  setCookie: string[];
  body: unknown;
}

const REQUEST_ID = "conformance-1";

/** The request through `server`, and whether trpc-http.ts answered it itself. */
async function through(server: FastifyInstance, call: Call): Promise<{ answer: Answer; isDirect: boolean }> {
  const response = await server.inject({
    method: call.method,
    url: `/trpc/${call.url}`,
    headers: { "x-stockroom-csrf": "1", "x-request-id": REQUEST_ID, ...call.headers },
    ...(call.body === undefined ? {} : { payload: call.body }),
  });
  const setCookie = response.headers["set-cookie"];
  return {
    answer: {
      status: response.statusCode,
      contentType: String(response.headers["content-type"]).split(";")[0],
      vary: response.headers.vary as string | undefined,
      setCookie: (setCookie === undefined ? [] : [setCookie].flat()).map(normalizeCookie),
      body: normalize(response.body),
    },
    isDirect: response.headers[DIRECT_HEADER] === "1",
  };
}

/** Ids and times differ between two successful holds; everything else must not. */
function normalize(text: string): unknown {
  return JSON.parse(
    text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>").replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "<time>"),
  );
}

/** Each sign-in makes its own session token and expiry; a cleared cookie keeps its fixed values. */
function normalizeCookie(cookie: string): string {
  return cookie.replace(/^([^=]+)=[^;]+/, "$1=<token>").replace(/Expires=(?!Thu, 01 Jan 1970)[^;]+/, "Expires=<time>");
}

const json = { "content-type": "application/json" };
const token = () => randomBytes(16).toString("base64url");

describe("tRPC over HTTP: plain calls answered exactly as tRPC's adapter answers them", () => {
  it("matches tRPC, cookies included, for successes, domain errors, validation errors and every case it hands back to tRPC", async () => {
    const world = await createStockWorld(database.current.db);
    const { product } = await productWithStock(testDeps.deps, world, [{ quantity: 5 }]);
    const staff = await createStaff(database.current.db, { role: "PLATFORM_ADMIN" });
    const reserve = (quantity: number) => JSON.stringify({ lines: [{ productId: product.id, quantity }] });
    const catalogInput = encodeURIComponent(JSON.stringify({ search: product.name }));
    const availabilityInput = encodeURIComponent(JSON.stringify({ productIds: [product.id] }));
    const signIn = (password: string) => JSON.stringify({ email: staff.email, password });
    /** A fresh session's cookie header (each path signs out its own). */
    const session = async () => {
      const response = await reference.inject({
        method: "POST",
        url: "/trpc/auth.signIn",
        headers: { ...json, "x-stockroom-csrf": "1" },
        payload: signIn(TEST_PASSWORD),
      });
      return { ...json, cookie: `${SESSION_COOKIE}=${response.cookies.find((c) => c.name === SESSION_COOKIE)?.value}` };
    };

    const cases: { name: string; call: () => Call | Promise<Call>; status: number; isDirect: boolean }[] = [
      // The first three are the calls the SPAs send unbatched (httpLink) so that they are answered here.
      { name: "query", call: () => ({ method: "GET", url: `catalog.list?input=${catalogInput}` }), status: 200, isDirect: true },
      { name: "availability", call: () => ({ method: "GET", url: `cart.availability?input=${availabilityInput}` }), status: 200, isDirect: true },
      {
        name: "mutation",
        call: () => ({ method: "POST", url: "cart.reserve", headers: { ...json, "x-cart-token": token() }, body: reserve(1) }),
        status: 200,
        isDirect: true,
      },
      { name: "query without input", call: () => ({ method: "GET", url: "auth.me" }), status: 200, isDirect: true },
      {
        name: "short stock",
        call: () => ({ method: "POST", url: "cart.reserve", headers: { ...json, "x-cart-token": token() }, body: reserve(50) }),
        status: 409,
        isDirect: true,
      },
      {
        name: "invalid input",
        call: () => ({ method: "POST", url: "cart.reserve", headers: { ...json, "x-cart-token": token() }, body: reserve(0) }),
        status: 400,
        isDirect: true,
      },
      { name: "no cart token", call: () => ({ method: "POST", url: "cart.reserve", headers: json, body: reserve(1) }), status: 401, isDirect: true },
      {
        name: "sign in: sets the session cookie",
        call: () => ({ method: "POST", url: "auth.signIn", headers: json, body: signIn(TEST_PASSWORD) }),
        status: 200,
        isDirect: true,
      },
      {
        name: "sign in, wrong password",
        call: () => ({ method: "POST", url: "auth.signIn", headers: json, body: signIn("nope") }),
        status: 401,
        isDirect: true,
      },
      { name: "signed in", call: async () => ({ method: "GET", url: "auth.me", headers: await session() }), status: 200, isDirect: true },
      {
        name: "sign out: clears the cookie",
        call: async () => ({ method: "POST", url: "auth.signOut", headers: await session() }),
        status: 200,
        isDirect: true,
      },
      { name: "mutation without input or body", call: () => ({ method: "POST", url: "auth.signOut", headers: json }), status: 200, isDirect: true },
      { name: "mutation with an empty body", call: () => ({ method: "POST", url: "auth.signOut", headers: json, body: "" }), status: 200, isDirect: true },
      { name: "staff only, signed out", call: () => ({ method: "GET", url: `products.list?input=${encodeURIComponent("{}")}` }), status: 401, isDirect: true },
      // Handed to tRPC's adapter:
      { name: "unknown procedure", call: () => ({ method: "GET", url: "nothing.here" }), status: 404, isDirect: false },
      { name: "query over POST", call: () => ({ method: "POST", url: "auth.me", headers: json, body: "{}" }), status: 405, isDirect: false },
      { name: "mutation over GET", call: () => ({ method: "GET", url: "cart.reserve" }), status: 405, isDirect: false },
      {
        name: "unparsable JSON",
        call: () => ({ method: "POST", url: "cart.reserve", headers: { ...json, "x-cart-token": token() }, body: "{nope" }),
        status: 400,
        isDirect: false,
      },
      { name: "unparsable query input", call: () => ({ method: "GET", url: "catalog.list?input=%7Bnope" }), status: 400, isDirect: false },
      {
        name: "batch",
        call: () => ({ method: "GET", url: `auth.me,catalog.list?batch=1&input=${encodeURIComponent(JSON.stringify({ 1: {} }))}` }),
        status: 200,
        isDirect: false,
      },
      {
        name: "batched sign-in",
        call: () => ({ method: "POST", url: "auth.signIn?batch=1", headers: json, body: `{"0":${signIn(TEST_PASSWORD)}}` }),
        status: 200,
        isDirect: false,
      },
      { name: "other method", call: () => ({ method: "PUT", url: "cart.reserve", headers: json, body: reserve(1) }), status: 405, isDirect: false },
    ];
    const signedIn = `${SESSION_COOKIE}=<token>; Path=/; Expires=<time>; HttpOnly; SameSite=Lax`;
    const signedOut = `${SESSION_COOKIE}=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax`;
    const cookiesOf: Record<string, string[]> = {
      "sign in: sets the session cookie": [signedIn],
      "sign out: clears the cookie": [signedOut],
      "mutation without input or body": [signedOut],
      "mutation with an empty body": [signedOut],
      "batched sign-in": [signedIn],
    };
    for (const { name, call, status, isDirect } of cases) {
      const ours = await through(app, await call());
      const theirs = await through(reference, await call());
      expect({ name, ...ours.answer }).toEqual({ name, ...theirs.answer });
      expect({ name, status: ours.answer.status, isDirect: ours.isDirect, setCookie: ours.answer.setCookie }).toEqual({
        name,
        status,
        isDirect,
        setCookie: cookiesOf[name] ?? [],
      });
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

  it("answers a batch of many procedures (a long path) through tRPC's adapter", async () => {
    const paths = Array.from({ length: 30 }, () => "auth.me");
    const response = await app.inject({ method: "GET", url: `/trpc/${paths.join(",")}?batch=1&input=%7B%7D` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(paths.map(() => ({ result: { data: null } })));
  });

  it("gives a procedure the request's abort signal: aborted when the client goes away, not after an answer", async () => {
    const t = initTRPC.create();
    const signals: (AbortSignal | undefined)[] = [];
    const router = t.router({
      wait: t.procedure.mutation(({ signal }) => {
        signals.push(signal);
        return new Promise((resolve) => signal?.addEventListener("abort", () => resolve("aborted")));
      }),
      quick: t.procedure.mutation(({ signal }) => {
        signals.push(signal);
        return "done";
      }),
    });
    const server = Fastify({ forceCloseConnections: true });
    registerTrpc(server, { prefix: "/trpc", router, createContext: async () => ({}) });
    const base = await server.listen({ port: 0, host: "127.0.0.1" });
    const post = (path: string, signal?: AbortSignal) =>
      fetch(`${base}/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}", signal });
    try {
      const quick = await post("quick");
      expect({ status: quick.status, direct: quick.headers.get(DIRECT_HEADER), body: await quick.json() }).toEqual({
        status: 200,
        direct: "1",
        body: { result: { data: "done" } },
      });
      const client = new AbortController();
      const waiting = post("wait", client.signal).catch((error: unknown) => error);
      await vi.waitFor(() => expect(signals).toHaveLength(2));
      expect(signals[1]?.aborted).toBe(false);
      client.abort();
      await vi.waitFor(() => expect(signals[1]?.aborted).toBe(true));
      expect(await waiting).toMatchObject({ name: "AbortError" });
    } finally {
      await server.close();
    }
    expect(signals[0]?.aborted).toBe(false);
  });
});
