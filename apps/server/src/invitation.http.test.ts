import { useTestDatabase } from "@stockroom/db/testing";
import { createProducer, createStaff, TEST_PASSWORD } from "@stockroom/domain/testing";
import { expect, it } from "vitest";
import { SESSION_COOKIE } from "./app.ts";
import { useTestServer } from "./testing/use-test-server.ts";

// The invitation journey over HTTP, through the real server (cookies, CSRF header, tRPC's wire format).
const database = useTestDatabase();
const server = useTestServer(database);
const json = { "content-type": "application/json", "x-stockroom-csrf": "1" };

async function post(path: string, input: unknown, cookie?: string) {
  return server.app.inject({ method: "POST", url: `/trpc/${path}`, headers: { ...json, ...(cookie ? { cookie } : {}) }, payload: JSON.stringify(input) });
}
const sessionOf = (answer: Awaited<ReturnType<typeof post>>) => {
  const cookie = answer.cookies.find((c) => c.name === SESSION_COOKIE);
  return cookie ? `${cookie.name}=${cookie.value}` : undefined;
};

it("the admin invites; the link from the Notification row is accepted; the new session answers auth.me", async () => {
  const { db } = database.current;
  const producer = await createProducer(db);
  const admin = await createStaff(db, { role: "PRODUCER_ADMIN", producerId: producer.id });
  const adminCookie = sessionOf(await post("auth.signIn", { email: admin.email, password: TEST_PASSWORD }));
  const invite = await post("staff.invite", { email: "colleague@http.test", role: "PRODUCER_STAFF" }, adminCookie);
  expect(invite.statusCode).toBe(200);

  const notification = await db.notification.findFirstOrThrow({ where: { recipient: "colleague@http.test" } });
  const link = /http:\/\/localhost:3000\/admin\/accept-invite\?token=[\w-]+/.exec(notification.body)?.[0] as string;
  expect(link).toBeDefined();
  const token = new URL(link).searchParams.get("token") as string;

  const shown = await server.app.inject({ method: "GET", url: `/trpc/auth.invitation?input=${encodeURIComponent(JSON.stringify({ token }))}` });
  expect(shown.json().result.data).toMatchObject({ email: "colleague@http.test", producerName: producer.name, invitedByEmail: admin.email });

  const short = await post("auth.acceptInvitation", { token, name: "Colleague", password: "short" });
  expect(short.statusCode).toBe(400);
  expect(short.json().error.data.fields).toEqual({ password: "Use at least 12 characters." });

  const accepted = await post("auth.acceptInvitation", { token, name: "Colleague", password: "a long password" });
  expect(accepted.statusCode).toBe(200);
  const cookie = sessionOf(accepted);
  expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{43}$`));
  const me = await server.app.inject({ method: "GET", url: "/trpc/auth.me", headers: { cookie: cookie as string } });
  expect(me.json().result.data).toMatchObject({ email: "colleague@http.test", role: "PRODUCER_STAFF", producerId: producer.id });

  const again = await post("auth.acceptInvitation", { token, name: "Colleague", password: "a long password" });
  expect(again.statusCode).toBe(404);
});
