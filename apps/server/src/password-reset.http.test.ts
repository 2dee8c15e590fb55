import { useTestDatabase } from "@stockroom/db/testing";
import { createStaff, ManualClock, TEST_PASSWORD } from "@stockroom/domain/testing";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "./app.ts";
import { useTestServer } from "./testing/use-test-server.ts";

// Issue 13: the whole reset journey through the real server, as the app role.
const database = useTestDatabase();
const server = useTestServer(database, new ManualClock(new Date("2026-03-01T10:00:00Z")));

const json = { "content-type": "application/json", "x-stockroom-csrf": "1" };
const post = (path: string, body: unknown, cookie?: string) =>
  server.app.inject({ method: "POST", url: `/trpc/${path}`, headers: { ...json, ...(cookie ? { cookie } : {}) }, payload: JSON.stringify(body) });
const me = (cookie: string) => server.app.inject({ method: "GET", url: "/trpc/auth.me", headers: { ...json, cookie } });

async function signIn(email: string, password: string) {
  const response = await post("auth.signIn", { email, password });
  const token = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  return { response, cookie: `${SESSION_COOKIE}=${token}` };
}

describe("password reset over HTTP", () => {
  it("request, read the link from the Notification row, reset; the old session is refused and the new password signs in", async () => {
    const staff = await createStaff(database.current.db, { role: "PLATFORM_ADMIN" });
    const old = await signIn(staff.email, TEST_PASSWORD);
    expect((await me(old.cookie)).json().result.data).toMatchObject({ staffId: staff.id });

    const requested = await post("auth.requestPasswordReset", { email: staff.email });
    expect(requested.statusCode).toBe(200);
    const unknown = await post("auth.requestPasswordReset", { email: "nobody@test.example" });
    expect(unknown.json()).toEqual(requested.json());

    const mail = await database.current.db.notification.findFirstOrThrow({ where: { recipient: staff.email, template: "password-reset" } });
    const link = new URL(/(http\S+)/.exec(mail.body)?.[1] ?? "");
    expect(`${link.origin}${link.pathname}`).toBe("http://localhost:3000/admin/reset-password");
    const token = link.searchParams.get("token");

    const reset = await post("auth.resetPassword", { token, password: "correct horse battery staple" });
    expect(reset.statusCode).toBe(200);
    expect(reset.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    expect((await me(old.cookie)).json().result.data).toBeNull();

    const again = await post("auth.resetPassword", { token, password: "another long password" });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.data.fields).toEqual({ token: "This link has expired or has already been used. Ask for a new one." });

    expect((await signIn(staff.email, TEST_PASSWORD)).response.statusCode).toBe(401);
    const fresh = await signIn(staff.email, "correct horse battery staple");
    expect(fresh.response.statusCode).toBe(200);
    expect((await me(fresh.cookie)).json().result.data).toMatchObject({ staffId: staff.id });
  });

  it("a reset request inside a batch is refused before it counts", async () => {
    const response = await server.app.inject({
      method: "POST",
      url: "/trpc/auth.requestPasswordReset,auth.requestPasswordReset?batch=1",
      headers: json,
      payload: JSON.stringify({ 0: { email: "a@test.example" }, 1: { email: "b@test.example" } }),
    });
    expect(response.statusCode).toBe(400);
    expect(await database.current.db.loginAttempt.count({ where: { key: { in: ["reset-email:a@test.example", "reset-email:b@test.example"] } } })).toBe(0);
  });
});
