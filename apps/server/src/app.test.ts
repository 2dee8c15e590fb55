import { useTestDatabase } from "@stockroom/db/testing";
import { createStaff, createTestDeps, TEST_PASSWORD } from "@stockroom/domain/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, SESSION_COOKIE } from "./app.ts";

const database = useTestDatabase();
let app: FastifyInstance;
let close: () => Promise<void>;

beforeAll(async () => {
  const testDeps = await createTestDeps(database.current.appDb, database.current.appUrl);
  close = testDeps.close;
  app = await buildServer({
    env: { LOG_LEVEL: "silent", SESSION_TTL_HOURS: 12, SERVE_SPAS: false, COOKIE_SECURE: false },
    deps: testDeps.deps,
  });
});
afterAll(async () => {
  await app.close();
  await close();
});

const json = { "content-type": "application/json" };

describe("HTTP host", () => {
  it("answers the health check from the database", async () => {
    const response = await app.inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
    expect(response.headers["server-timing"]).toMatch(/^app;dur=\d+\.\d{2}$/);
  });

  it("rejects a mutation without the CSRF header and changes nothing", async () => {
    const staff = await createStaff(database.current.db, { role: "PLATFORM_ADMIN" });
    const response = await app.inject({ method: "POST", url: "/trpc/auth.signIn", headers: json, payload: { email: staff.email, password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain("x-stockroom-csrf");
    expect(response.cookies).toHaveLength(0);
    expect(await database.current.db.staffSession.count({ where: { staffId: staff.id } })).toBe(0);
  });

  it("signs in over HTTP with an httpOnly SameSite=Lax cookie that authenticates later requests", async () => {
    const staff = await createStaff(database.current.db, { role: "PLATFORM_ADMIN" });
    const signIn = await app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      headers: { ...json, "x-stockroom-csrf": "1" },
      payload: { email: staff.email, password: TEST_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = signIn.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

    const me = await app.inject({ method: "GET", url: "/trpc/auth.me", cookies: { [SESSION_COOKIE]: cookie?.value ?? "" } });
    expect(me.json().result.data.email).toBe(staff.email);
  });

  it("returns the domain's message, code and request id for a failure", async () => {
    const response = await app.inject({ method: "GET", url: "/trpc/products.list?input=%7B%7D", headers: { "x-request-id": "req-123" } });
    expect(response.statusCode).toBe(401);
    const error = response.json().error;
    expect(error.message).toBe("Please sign in.");
    expect(error.data).toMatchObject({ code: "UNAUTHORIZED", domainCode: "UNAUTHENTICATED", requestId: "req-123" });
    expect(error.data.stack).toBeUndefined();
  });
});
