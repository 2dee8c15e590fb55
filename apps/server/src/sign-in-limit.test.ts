import { useTestDatabase } from "@stockroom/db/testing";
import { createStaff, ManualClock, TEST_PASSWORD } from "@stockroom/domain/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "./app.ts";
import { useTestServer } from "./testing/use-test-server.ts";

// Probe 6 of issue 13: the per-email limit (5 failures in 15 minutes) holds for concurrent and batched attempts.
const database = useTestDatabase({ maxConnections: 10 });
const clock = new ManualClock(new Date("2026-03-01T10:00:00Z"));
const server = useTestServer(database, clock);
beforeEach(() => clock.reset());

const json = { "content-type": "application/json", "x-stockroom-csrf": "1" };
const body = (email: string, password: string) => JSON.stringify({ email, password });
// Each answer is one of these: 401 only after a password check, 429 refused before any.
const signIn = (email: string, password: string, remoteAddress: string) =>
  server.app.inject({ method: "POST", url: "/trpc/auth.signIn", headers: json, payload: body(email, password), remoteAddress });
const attemptRows = (email: string) => database.current.db.loginAttempt.count({ where: { key: `email:${email}` } });

describe("sign-in limit under concurrency and batching", () => {
  it("20 parallel wrong passwords for one email: at most 5 checked; the right password is refused until the window passes", async () => {
    const staff = await createStaff(database.current.db, { role: "PLATFORM_ADMIN" });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(staff.email, `wrong-${i}`, "10.1.0.1")));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(await attemptRows(staff.email)).toBe(5);

    const right = await signIn(staff.email, TEST_PASSWORD, "10.1.0.2");
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toBe("Too many failed sign-ins. Try again in 15 minutes.");
    expect(right.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    clock.advance(15 * 60_000 + 1);
    const later = await signIn(staff.email, TEST_PASSWORD, "10.1.0.2");
    expect(later.statusCode).toBe(200);
    expect(later.json().result.data).toMatchObject({ staffId: staff.id });
  });

  it("8 sign-ins batched in one request are refused before any password check; a batch of one still signs in", async () => {
    const staff = await createStaff(database.current.db, { role: "PLATFORM_ADMIN" });
    const calls = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [i, { email: staff.email, password: `wrong-${i}` }]));
    const batch = await server.app.inject({
      method: "POST",
      url: `/trpc/${Array(8).fill("auth.signIn").join(",")}?batch=1`,
      headers: json,
      payload: JSON.stringify(calls),
      remoteAddress: "10.2.0.1",
    });
    expect(batch.statusCode).toBe(400);
    const errors = batch.json() as { error: { message: string; data: { code: string } } }[];
    expect(errors).toHaveLength(8);
    for (const e of errors) expect(e.error).toMatchObject({ message: "auth.signIn must be sent on its own, not in a batch.", data: { code: "BAD_REQUEST" } });
    expect(await attemptRows(staff.email)).toBe(0);

    const mixed = await server.app.inject({
      method: "POST",
      url: "/trpc/auth.signOut,auth.signIn?batch=1",
      headers: json,
      payload: JSON.stringify({ 1: { email: staff.email, password: TEST_PASSWORD } }),
      remoteAddress: "10.2.0.1",
    });
    expect(mixed.statusCode).toBe(400);
    expect(await attemptRows(staff.email)).toBe(0);

    const alone = await server.app.inject({
      method: "POST",
      url: "/trpc/auth.signIn?batch=1",
      headers: json,
      payload: JSON.stringify({ 0: { email: staff.email, password: TEST_PASSWORD } }),
      remoteAddress: "10.2.0.1",
    });
    expect(alone.statusCode).toBe(200);
    expect(alone.json()[0].result.data).toMatchObject({ staffId: staff.id });
  });
});
