import { PassThrough } from "node:stream";
import { useTestDatabase } from "@stockroom/db/testing";
import { createStaff, createTestDeps, TEST_PASSWORD } from "@stockroom/domain/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, SECURE_SESSION_COOKIE, SESSION_COOKIE } from "./app.ts";

// Both servers listen on a real port and are called over HTTP (fetch), as a browser or proxy would.
const database = useTestDatabase();
const logs: Record<string, string[]> = { plain: [], secure: [], hops: [] };
const servers: Record<string, { app: FastifyInstance; base: string }> = {};
let close: () => Promise<void>;

async function start(name: string, secure: boolean, trustProxy: boolean | number, deps: Parameters<typeof buildServer>[0]["deps"]) {
  const logStream = new PassThrough();
  logStream.on("data", (chunk: Buffer) => logs[name]?.push(...chunk.toString().trim().split("\n")));
  const env = { LOG_LEVEL: "info", SESSION_TTL_HOURS: 12, SERVE_SPAS: false, COOKIE_SECURE: secure, TRUST_PROXY: trustProxy } as const;
  const app = await buildServer({ env, deps, logStream });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  servers[name] = { app, base };
}

beforeAll(async () => {
  const testDeps = await createTestDeps(database.current.appDb, database.current.appUrl);
  close = testDeps.close;
  await start("plain", false, false, testDeps.deps);
  await start("secure", true, true, testDeps.deps);
  await start("hops", false, 1, testDeps.deps);
});
afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.app.close()));
  await close();
});

const get = (name: string, path: string, headers: Record<string, string> = {}) => fetch(`${servers[name]?.base}${path}`, { headers });

describe("security headers over HTTP", () => {
  it("plain HTTP: CSP with self scripts and styles, no framing, nosniff, no HSTS", async () => {
    const response = await get("plain", "/healthz");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp.split(";")).toEqual(
      expect.arrayContaining(["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]),
    );
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("behind HTTPS (COOKIE_SECURE): HSTS and upgrade-insecure-requests", async () => {
    const response = await get("secure", "/healthz");
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});

describe("request ids", () => {
  const requestIdOf = async (sent: string) => {
    const response = await get("plain", "/trpc/products.list?input=%7B%7D", { "x-request-id": sent });
    expect(response.status).toBe(401);
    return ((await response.json()) as { error: { data: { requestId: string } } }).error.data.requestId;
  };
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it("keeps a valid x-request-id (<= 64 of A-Za-z0-9._-)", async () => {
    expect(await requestIdOf("req-1.A_b")).toBe("req-1.A_b");
    expect(await requestIdOf("x".repeat(64))).toBe("x".repeat(64));
  });

  it.each([["x".repeat(65)], ["a b"], ["<script>alert(1)</script>"], ["id\u00e9"], ['"},"level":60']])("replaces %j with a random UUID", async (sent) => {
    const id = await requestIdOf(sent);
    expect(id).toMatch(uuid);
    expect(logs.plain?.join("\n")).not.toContain(sent);
  });
});

describe("TRUST_PROXY and the session cookie", () => {
  const remoteAddressOf = (name: string, requestId: string) =>
    logs[name]?.map((line) => JSON.parse(line)).find((entry) => entry.reqId === requestId && entry.req)?.req.remoteAddress;

  it("reads the client address from X-Forwarded-For only when TRUST_PROXY is on", async () => {
    await get("plain", "/healthz", { "x-forwarded-for": "203.0.113.7", "x-request-id": "proxy-off" });
    await get("secure", "/healthz", { "x-forwarded-for": "203.0.113.7", "x-request-id": "proxy-on" });
    expect(remoteAddressOf("plain", "proxy-off")).toBe("127.0.0.1");
    expect(remoteAddressOf("secure", "proxy-on")).toBe("203.0.113.7");
  });

  it("with a hop count trusts only that many proxies: a client-sent X-Forwarded-For entry is not believed", async () => {
    const chain = { "x-forwarded-for": "198.51.100.1, 203.0.113.7" };
    await get("secure", "/healthz", { ...chain, "x-request-id": "chain-all" });
    await get("hops", "/healthz", { ...chain, "x-request-id": "chain-one" });
    expect(remoteAddressOf("secure", "chain-all")).toBe("198.51.100.1");
    expect(remoteAddressOf("hops", "chain-one")).toBe("203.0.113.7");
  });

  it.each([
    ["plain", SESSION_COOKIE, false],
    ["secure", SECURE_SESSION_COOKIE, true],
  ] as const)("%s: the session cookie is %s (Secure: %s) and authenticates", async (name, cookieName, isSecure) => {
    const staff = await createStaff(database.current.db, { role: "PLATFORM_ADMIN" });
    const signIn = await fetch(`${servers[name]?.base}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-stockroom-csrf": "1" },
      body: JSON.stringify({ email: staff.email, password: TEST_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const [setCookie = ""] = signIn.headers.getSetCookie();
    expect(setCookie.startsWith(`${cookieName}=`)).toBe(true);
    expect(setCookie).toContain("Path=/");
    expect(setCookie).not.toContain("Domain=");
    expect(setCookie.includes("; Secure")).toBe(isSecure);
    const me = await get(name, "/trpc/auth.me", { cookie: setCookie.split(";")[0] ?? "" });
    expect(((await me.json()) as { result: { data: { email: string } } }).result.data.email).toBe(staff.email);
  });
});
