import { useTestDatabase } from "@stockroom/db/testing";
import { createProducer, createStaff, ManualClock, TEST_PASSWORD } from "@stockroom/domain/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { CookieJar, callerFor } from "./testing.ts";
import { useClockedDeps } from "./use-clocked-deps.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date("2026-03-01T10:00:00Z"));
const testDeps = useClockedDeps(database, clock);

const db = () => database.current.db;
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

async function signIn(email: string, options: { ip?: string; userAgent?: string } = {}): Promise<CookieJar> {
  const jar = new CookieJar();
  await (await callerFor(testDeps.deps, jar, options)).auth.signIn({ email, password: TEST_PASSWORD });
  return jar;
}
const as = (jar: CookieJar, ip = "127.0.0.1") => callerFor(testDeps.deps, jar, { ip });

describe("own sessions", () => {
  it("lists mine with public ids, user agent, ip and the current one flagged; never the cookie's hash", async () => {
    const staff = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    const other = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    const laptop = await signIn(staff.email, { ip: "10.0.0.1", userAgent: FIREFOX });
    clock.advance(60_000);
    const phone = await signIn(staff.email, { ip: "10.0.0.2", userAgent: "x".repeat(1000) });
    await signIn(other.email);
    const sessions = await (await as(laptop)).account.sessions();
    expect(sessions.map((s) => [s.ip, s.userAgent?.length, s.isCurrent])).toEqual([
      ["10.0.0.1", FIREFOX.length, true],
      ["10.0.0.2", 300, false],
    ]);
    const hashes = (await db().staffSession.findMany({ where: { staffId: staff.id } })).map((s) => s.id);
    for (const s of sessions) {
      expect(s.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(hashes).not.toContain(s.id);
    }
    expect(phone.token).toBeDefined();
  });

  it("revokes one of mine; another person's session is NOT_FOUND and stays", async () => {
    const staff = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    const other = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    const [mine, second, theirs] = [await signIn(staff.email), await signIn(staff.email), await signIn(other.email)];
    const theirId = (await (await as(theirs)).account.sessions())[0]?.id ?? "";
    const error = await trpcError((await as(mine)).account.revokeSession({ id: theirId }));
    expect(error.code).toBe("NOT_FOUND");
    expect(await (await as(theirs)).auth.me()).toMatchObject({ staffId: other.id });

    const secondId = (await (await as(mine)).account.sessions()).find((s) => !s.isCurrent)?.id ?? "";
    await (await as(mine, "10.0.0.5")).account.revokeSession({ id: secondId });
    expect(await (await as(second)).auth.me()).toBeNull();
    expect(await (await as(mine)).auth.me()).toMatchObject({ staffId: staff.id });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { actorId: staff.id, action: "auth.session_revoked" } });
    expect(audit).toMatchObject({ ip: "10.0.0.5", details: { sessionId: secondId } });
  });

  it("signs out everywhere else, keeping this session", async () => {
    const staff = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    const [mine, a, b] = [await signIn(staff.email), await signIn(staff.email), await signIn(staff.email)];
    expect(await (await as(mine)).account.revokeOtherSessions()).toEqual({ count: 2 });
    for (const jar of [a, b]) expect(await (await as(jar)).auth.me()).toBeNull();
    expect((await (await as(mine)).account.sessions()).map((s) => s.isCurrent)).toEqual([true]);
  });

  it("anonymous callers get UNAUTHORIZED", async () => {
    expect((await trpcError((await callerFor(testDeps.deps)).account.sessions())).code).toBe("UNAUTHORIZED");
  });
});

describe("idle timeout (60 minutes)", () => {
  it("a use at 59 minutes keeps the session; 61 idle minutes after that it is refused and deleted", async () => {
    const staff = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    const jar = await signIn(staff.email);
    clock.advance(59 * 60_000);
    expect(await (await as(jar)).auth.me()).toMatchObject({ staffId: staff.id });
    const [session] = await db().staffSession.findMany({ where: { staffId: staff.id } });
    expect(session?.lastSeenAt.toISOString()).toBe("2026-03-01T10:59:00.000Z");
    clock.advance(61 * 60_000);
    expect((await trpcError((await as(jar)).account.sessions())).code).toBe("UNAUTHORIZED");
    expect(await db().staffSession.count({ where: { staffId: staff.id } })).toBe(0);
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const staff = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    const jar = await signIn(staff.email);
    const lastSeen = async () => (await db().staffSession.findFirstOrThrow({ where: { staffId: staff.id } })).lastSeenAt.toISOString();
    clock.advance(30_000);
    await (await as(jar)).auth.me();
    expect(await lastSeen()).toBe("2026-03-01T10:00:00.000Z");
    clock.advance(31_000);
    await (await as(jar)).auth.me();
    expect(await lastSeen()).toBe("2026-03-01T10:01:01.000Z");
  });
});

describe("change own password", () => {
  it("a wrong current password names the field and counts toward the sign-in limit", async () => {
    const staff = await createStaff(db(), { role: "PLATFORM_ADMIN" });
    const jar = await signIn(staff.email);
    clock.advance(1_000); // the limiter counts failures after the last success
    const caller = await as(jar, "10.3.0.1");
    for (let i = 0; i < 5; i++) {
      const error = await trpcError(caller.account.changePassword({ currentPassword: `wrong-${i}`, newPassword: "a brand new long password" }));
      expect(error.code).toBe("BAD_REQUEST");
      expect((error.cause as { fields?: unknown }).fields).toEqual({ currentPassword: "That is not your current password." });
    }
    const limited = await trpcError(caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new long password" }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect((await trpcError((await callerFor(testDeps.deps)).auth.signIn({ email: staff.email, password: TEST_PASSWORD }))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("ends the other sessions, keeps this one, and audits it", async () => {
    const producer = await createProducer(db());
    const staff = await createStaff(db(), { role: "PRODUCER_STAFF", producerId: producer.id });
    const [mine, other] = [await signIn(staff.email), await signIn(staff.email)];
    const result = await (await as(mine, "10.4.0.1")).account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new long password" });
    expect(result).toEqual({ sessionsEnded: 1 });
    expect(await (await as(other)).auth.me()).toBeNull();
    expect(await (await as(mine)).auth.me()).toMatchObject({ staffId: staff.id });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { actorId: staff.id, action: "auth.password_changed" } });
    expect(audit).toMatchObject({ producerId: producer.id, ip: "10.4.0.1", details: { sessionsEnded: 1 } });
    await expect((await callerFor(testDeps.deps)).auth.signIn({ email: staff.email, password: "a brand new long password" })).resolves.toMatchObject({
      staffId: staff.id,
    });
  });
});

describe("sign-in audit", () => {
  it("records sign-in with ip, failures with the email tried (never the password), limited attempts, and sign-out", async () => {
    const producer = await createProducer(db());
    const staff = await createStaff(db(), { role: "PRODUCER_ADMIN", producerId: producer.id });
    const caller = await callerFor(testDeps.deps, new CookieJar(), { ip: "10.6.0.1" });
    for (let i = 0; i < 6; i++) await trpcError(caller.auth.signIn({ email: staff.email, password: `secret-guess-${i}` }));
    clock.advance(15 * 60_000 + 1);
    const jar = await signIn(staff.email, { ip: "10.6.0.2" });
    await (await as(jar, "10.6.0.3")).auth.signOut();
    const events = await db().auditEvent.findMany({ where: { actorEmail: staff.email }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.producerId, e.ip, (e.details as { reason?: string } | null)?.reason ?? null])).toEqual([
      ...Array.from({ length: 5 }, () => ["auth.sign_in_failed", producer.id, "10.6.0.1", "invalid_credentials"]),
      ["auth.sign_in_failed", producer.id, "10.6.0.1", "rate_limited"],
      ["auth.sign_in", producer.id, "10.6.0.2", null],
      ["auth.sign_out", producer.id, "10.6.0.3", null],
    ]);
    expect(JSON.stringify(events.map(({ id, ...rest }) => rest))).not.toContain("secret-guess");
  });
});
