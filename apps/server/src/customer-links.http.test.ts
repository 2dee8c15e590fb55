import { createHash, randomBytes } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { ManualClock } from "@stockroom/domain/testing";
import { describe, expect, it } from "vitest";
import { CUSTOMER_COOKIE, SESSION_COOKIE } from "./app.ts";
import { DEFAULT_CUSTOMER_LINKS_PER_EMAIL_PER_HOUR } from "./customer-link-rate-limit.ts";
import { useTestServer } from "./testing/use-test-server.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date("2026-03-01T10:00:00Z"));
const server = useTestServer(database, clock);

const json = { "content-type": "application/json", "x-stockroom-csrf": "1" };
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  server.app.inject({ method: "POST", url: `/trpc/${path}`, headers: { ...json, ...headers }, payload: JSON.stringify(body) });

describe("customer links over HTTP", () => {
  it("past the per-email limit asking for links is a 429 with Retry-After, whether or not the email has orders", async () => {
    const email = "limited@example.test";
    for (let i = 0; i < DEFAULT_CUSTOMER_LINKS_PER_EMAIL_PER_HOUR; i++) {
      const path = i % 2 === 0 ? "customer.requestSignIn" : "orders.requestLookup";
      expect((await post(path, { email, reference: "GL-1001" })).statusCode).toBe(200);
    }
    const refused = await post("customer.requestSignIn", { email });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(3500);
    expect(refused.json().error.data.domainCode).toBe("RATE_LIMITED");
    expect((await post("customer.requestSignIn", { email: "someone-else@example.test" })).statusCode).toBe(200);
  });

  it("a link signs in with its own httpOnly cookie (not the staff session), once; sign-out clears it", async () => {
    const token = randomBytes(32).toString("base64url");
    await database.current.db.customerLoginToken.create({
      data: {
        tokenHash: createHash("sha256").update(token).digest("base64url"),
        email: "cookie@example.test",
        expiresAt: new Date(clock.now().getTime() + 60_000),
      },
    });
    const done = await post("customer.completeSignIn", { token });
    expect(done.statusCode).toBe(200);
    const cookie = done.cookies.find((c) => c.name === CUSTOMER_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(done.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    const me = await server.app.inject({ method: "GET", url: "/trpc/customer.me", headers: { ...json, cookie: `${CUSTOMER_COOKIE}=${cookie?.value}` } });
    expect(me.json().result.data).toEqual({ email: "cookie@example.test" });
    expect((await post("customer.completeSignIn", { token })).statusCode).toBe(400);
    const out = await post("customer.signOut", {}, { cookie: `${CUSTOMER_COOKIE}=${cookie?.value}` });
    expect(out.cookies.find((c) => c.name === CUSTOMER_COOKIE)?.value).toBe("");
  });
});
