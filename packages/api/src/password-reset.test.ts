import { useTestDatabase } from "@stockroom/db/testing";
import { createProducer, createStaff, createTestDeps, ManualClock, TEST_PASSWORD } from "@stockroom/domain/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CookieJar, callerFor } from "./testing.ts";

const database = useTestDatabase({ maxConnections: 10 });
const clock = new ManualClock(new Date("2026-03-01T10:00:00Z"));
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;
beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url, clock);
});
afterAll(() => testDeps.close());
beforeEach(() => clock.reset());

const NEW_PASSWORD = "a much longer new password";
const db = () => database.current.db;

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}
const fieldsOf = (error: TRPCError) => (error.cause as { fields?: Record<string, string> }).fields;

/** Asks for a link as a stranger would and reads the token from the emailed body. */
async function requestLink(email: string, ip = "10.9.0.1"): Promise<string> {
  await (await callerFor(testDeps.deps, new CookieJar(), { ip })).auth.requestPasswordReset({ email });
  const mail = await db().notification.findFirstOrThrow({ where: { recipient: email, template: "password-reset" }, orderBy: { createdAt: "desc" } });
  const link = /(http\S+)/.exec(mail.body)?.[1] ?? "";
  expect(link.startsWith("http://stockroom.test/admin/reset-password?token=")).toBe(true);
  return new URL(link).searchParams.get("token") ?? "";
}

async function signedInJar(email: string, password = TEST_PASSWORD): Promise<CookieJar> {
  const jar = new CookieJar();
  await (await callerFor(testDeps.deps, jar)).auth.signIn({ email, password });
  return jar;
}

describe("password reset by emailed link", () => {
  it("an unknown email gets the same answer and no email, token or audit event", async () => {
    const caller = await callerFor(testDeps.deps);
    await expect(caller.auth.requestPasswordReset({ email: "Nobody@Test.Example" })).resolves.toEqual({ ok: true });
    expect(await db().notification.count({ where: { recipient: "nobody@test.example" } })).toBe(0);
    expect(await db().auditEvent.count({ where: { actorEmail: "nobody@test.example" } })).toBe(0);
  });

  it("emails a link through the notification pipeline, stores only its hash, and audits the request", async () => {
    const producer = await createProducer(db());
    const staff = await createStaff(db(), { role: "PRODUCER_STAFF", producerId: producer.id });
    const token = await requestLink(staff.email);
    expect(token).toMatch(/^[\w-]{43}$/);
    const stored = await db().passwordReset.findUniqueOrThrow({ where: { staffId: staff.id } });
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.expiresAt.toISOString()).toBe("2026-03-01T11:00:00.000Z");
    const mail = await db().notification.findFirstOrThrow({ where: { recipient: staff.email } });
    expect(mail).toMatchObject({ channel: "EMAIL", producerId: producer.id, status: "PENDING", subject: "Reset your Stockroom password" });
    const jobs = await testDeps.boss.findJobs("notifications.send", { data: { notificationId: mail.id } });
    expect(jobs).toHaveLength(1);
    const audit = await db().auditEvent.findMany({ where: { targetId: staff.id } });
    expect(audit.map((a) => [a.action, a.producerId, a.actorEmail, a.ip])).toEqual([["auth.password_reset_requested", producer.id, staff.email, "10.9.0.1"]]);
  });

  it("a platform admin (no producer) gets the email too", async () => {
    const admin = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    await requestLink(admin.email);
    expect((await db().notification.findFirstOrThrow({ where: { recipient: admin.email } })).producerId).toBeNull();
  });

  it("the link sets the password once, ends every session, does not sign in; a second use names the token", async () => {
    const staff = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    const [a, b] = [await signedInJar(staff.email), await signedInJar(staff.email)];
    const token = await requestLink(staff.email);
    const jar = new CookieJar();
    await expect((await callerFor(testDeps.deps, jar)).auth.resetPassword({ token, password: NEW_PASSWORD })).resolves.toEqual({ ok: true });
    expect(jar.token).toBeUndefined();
    for (const old of [a, b]) expect(await (await callerFor(testDeps.deps, old)).auth.me()).toBeNull();
    expect(await db().staffSession.count({ where: { staffId: staff.id } })).toBe(0);

    const again = await trpcError((await callerFor(testDeps.deps)).auth.resetPassword({ token, password: "yet another long password" }));
    expect(again.code).toBe("BAD_REQUEST");
    expect(fieldsOf(again)).toEqual({ token: "This link has expired or has already been used. Ask for a new one." });
    const wrongOld = await trpcError((await callerFor(testDeps.deps)).auth.signIn({ email: staff.email, password: TEST_PASSWORD }));
    expect(wrongOld.code).toBe("UNAUTHORIZED");
    await expect((await callerFor(testDeps.deps)).auth.signIn({ email: staff.email, password: NEW_PASSWORD })).resolves.toMatchObject({ staffId: staff.id });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { targetId: staff.id, action: "auth.password_reset" } });
    expect(audit).toMatchObject({ actorId: null, actorEmail: staff.email, details: { sessionsEnded: 2 } });
  });

  it("expires after 60 minutes", async () => {
    const staff = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    const token = await requestLink(staff.email);
    clock.advance(60 * 60_000);
    const expired = await trpcError((await callerFor(testDeps.deps)).auth.resetPassword({ token, password: NEW_PASSWORD }));
    expect(fieldsOf(expired)).toEqual({ token: "This link has expired or has already been used. Ask for a new one." });
    expect(await db().auditEvent.count({ where: { targetId: staff.id, action: "auth.password_reset" } })).toBe(0);
  });

  it("a newer request invalidates the older link", async () => {
    const staff = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    const first = await requestLink(staff.email);
    clock.advance(1_000);
    const second = await requestLink(staff.email);
    expect((await trpcError((await callerFor(testDeps.deps)).auth.resetPassword({ token: first, password: NEW_PASSWORD }))).code).toBe("BAD_REQUEST");
    await expect((await callerFor(testDeps.deps)).auth.resetPassword({ token: second, password: NEW_PASSWORD })).resolves.toEqual({ ok: true });
  });

  it("a short password names the field", async () => {
    const error = await trpcError((await callerFor(testDeps.deps)).auth.resetPassword({ token: "x", password: "short" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldsOf(error)).toEqual({ password: "Use at least 12 characters." });
  });

  it("limits requests to 3 per email in 15 minutes, the same for an unknown email", async () => {
    const staff = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    for (const email of [staff.email, "ghost-limit@test.example"]) {
      const caller = await callerFor(testDeps.deps, new CookieJar(), { ip: `10.8.0.${email.length}` });
      for (let i = 0; i < 3; i++) await caller.auth.requestPasswordReset({ email });
      const limited = await trpcError(caller.auth.requestPasswordReset({ email }));
      expect(limited.code).toBe("TOO_MANY_REQUESTS");
      expect(limited.message).toBe("Too many password reset requests. Try again in 15 minutes.");
    }
    expect(await db().notification.count({ where: { recipient: staff.email } })).toBe(3);
  });
});

describe("races, on parallel connections", () => {
  it("a double submit of one link: exactly one succeeds, even when all submits reach the token at once", async () => {
    const staff = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    const token = await requestLink(staff.email);
    // Another transaction holds the token's row, so every submit gets to it before any can finish
    // (argon2 hashing would otherwise spread them out in time and hide a read-then-delete race).
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holder = db().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "PasswordReset" WHERE "staffId" = ${staff.id}::uuid FOR UPDATE`;
        await held;
      },
      { timeout: 30_000 },
    );
    const callers = await Promise.all([0, 1, 2, 3].map(() => callerFor(testDeps.deps)));
    const submits = Promise.allSettled(callers.map((c, i) => c.auth.resetPassword({ token, password: `${NEW_PASSWORD} ${i}` })));
    await vi.waitFor(
      async () => {
        const [row] = await db().$queryRaw<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        expect(row?.waiting).toBe(4);
      },
      { timeout: 20_000, interval: 20 },
    );
    release();
    await holder;
    const results = await submits;
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => (r.reason as TRPCError).code)).toEqual(["BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST"]);
    expect(await db().auditEvent.count({ where: { targetId: staff.id, action: "auth.password_reset" } })).toBe(1);
  });

  it("concurrent requests leave exactly one live token, and it is the one that works", async () => {
    const staff = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    await Promise.all(
      [1, 2, 3].map(async (i) => (await callerFor(testDeps.deps, new CookieJar(), { ip: `10.7.0.${i}` })).auth.requestPasswordReset({ email: staff.email })),
    );
    expect(await db().passwordReset.count({ where: { staffId: staff.id } })).toBe(1);
    const mails = await db().notification.findMany({ where: { recipient: staff.email } });
    expect(mails).toHaveLength(3);
    const tokens = mails.map((m) => new URL(/(http\S+)/.exec(m.body)?.[1] ?? "").searchParams.get("token") ?? "");
    const outcomes = [];
    for (const token of tokens)
      outcomes.push(
        await (await callerFor(testDeps.deps)).auth.resetPassword({ token, password: NEW_PASSWORD }).then(
          () => "ok",
          (e: TRPCError) => e.code,
        ),
      );
    expect(outcomes.sort()).toEqual(["BAD_REQUEST", "BAD_REQUEST", "ok"]);
  });
});
