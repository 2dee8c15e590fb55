import { useTestDatabase } from "@stockroom/db/testing";
import { createProducer, createStaff, ManualClock, TEST_PASSWORD } from "@stockroom/domain/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { CookieJar, callerFor } from "./testing.ts";
import { useClockedDeps } from "./use-clocked-deps.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date("2026-03-01T10:00:00Z"));
const testDeps = useClockedDeps(database, clock);

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("sign-in, session, sign-out", () => {
  it("signs in with the right password, resolves the session from the cookie, and signs out", async () => {
    const producer = await createProducer(database.current.db);
    const staff = await createStaff(database.current.db, { role: "PRODUCER_ADMIN", producerId: producer.id });
    const jar = new CookieJar();
    const me = await (await callerFor(testDeps.deps, jar)).auth.signIn({ email: staff.email.toUpperCase(), password: TEST_PASSWORD });
    expect(me).toMatchObject({ staffId: staff.id, role: "PRODUCER_ADMIN", producerId: producer.id });
    expect(jar.token).toMatch(/^[\w-]{43}$/);
    expect(jar.expiresAt?.toISOString()).toBe("2026-03-01T22:00:00.000Z");
    // The database stores a hash of the token, never the token.
    const stored = await database.current.db.staffSession.findMany({ where: { staffId: staff.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).not.toBe(jar.token);

    expect(await (await callerFor(testDeps.deps, jar)).auth.me()).toMatchObject({ staffId: staff.id });
    await (await callerFor(testDeps.deps, jar)).auth.signOut();
    expect(jar.token).toBeUndefined();
    expect(await database.current.db.staffSession.count({ where: { staffId: staff.id } })).toBe(0);
  });

  it("signing in again ends the session the browser had: a new token, the old one anonymous", async () => {
    const producer = await createProducer(database.current.db);
    const staff = await createStaff(database.current.db, { role: "PRODUCER_ADMIN", producerId: producer.id });
    const jar = new CookieJar();
    await (await callerFor(testDeps.deps, jar)).auth.signIn({ email: staff.email, password: TEST_PASSWORD });
    const first = jar.token;
    await (await callerFor(testDeps.deps, jar)).auth.signIn({ email: staff.email, password: TEST_PASSWORD });
    expect(jar.token).toMatch(/^[\w-]{43}$/);
    expect(jar.token).not.toBe(first);
    expect(await database.current.db.staffSession.count({ where: { staffId: staff.id } })).toBe(1);
    const stale = new CookieJar();
    stale.token = first;
    expect(await (await callerFor(testDeps.deps, stale)).auth.me()).toBeNull();
  });

  it("rejects a wrong password and an unknown email with the same message", async () => {
    const staff = await createStaff(database.current.db, { role: "PLATFORM_ADMIN" });
    const jar = new CookieJar();
    const wrong = await trpcError((await callerFor(testDeps.deps, jar)).auth.signIn({ email: staff.email, password: "nope" }));
    const unknown = await trpcError((await callerFor(testDeps.deps, jar)).auth.signIn({ email: "ghost@test.example", password: "nope" }));
    for (const error of [wrong, unknown]) {
      expect(error.code).toBe("UNAUTHORIZED");
      expect(error.message).toBe("Email or password is incorrect.");
    }
    expect(jar.token).toBeUndefined();
  });

  it("names the field when the input is malformed", async () => {
    const error = await trpcError((await callerFor(testDeps.deps)).auth.signIn({ email: "not-an-email", password: "x" }));
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("rate-limits an email after 5 failures in 15 minutes, even with the right password, until the window passes", async () => {
    const staff = await createStaff(database.current.db, { role: "PLATFORM_ADMIN" });
    const caller = await callerFor(testDeps.deps, new CookieJar(), { ip: "10.0.0.9" });
    for (let i = 0; i < 5; i++) {
      expect((await trpcError(caller.auth.signIn({ email: staff.email, password: `bad-${i}` }))).code).toBe("UNAUTHORIZED");
    }
    const limited = await trpcError(caller.auth.signIn({ email: staff.email, password: TEST_PASSWORD }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toBe("Too many failed sign-ins. Try again in 15 minutes.");
    clock.advance(15 * 60_000 + 1);
    await expect(caller.auth.signIn({ email: staff.email, password: TEST_PASSWORD })).resolves.toMatchObject({ staffId: staff.id });
  });

  it("a successful sign-in starts the email's failure count again", async () => {
    const staff = await createStaff(database.current.db, { role: "PLATFORM_ADMIN" });
    const caller = await callerFor(testDeps.deps, new CookieJar(), { ip: "10.0.0.10" });
    for (let i = 0; i < 4; i++) await trpcError(caller.auth.signIn({ email: staff.email, password: `bad-${i}` }));
    clock.advance(1_000);
    await caller.auth.signIn({ email: staff.email, password: TEST_PASSWORD });
    clock.advance(1_000);
    for (let i = 0; i < 4; i++) expect((await trpcError(caller.auth.signIn({ email: staff.email, password: `bad-again-${i}` }))).code).toBe("UNAUTHORIZED");
    clock.advance(1_000);
    expect((await trpcError(caller.auth.signIn({ email: staff.email, password: "bad-5th" }))).code).toBe("UNAUTHORIZED");
    expect((await trpcError(caller.auth.signIn({ email: staff.email, password: TEST_PASSWORD }))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("an expired session is anonymous", async () => {
    const staff = await createStaff(database.current.db, { role: "PLATFORM_ADMIN" });
    const jar = new CookieJar();
    await (await callerFor(testDeps.deps, jar)).auth.signIn({ email: staff.email, password: TEST_PASSWORD });
    clock.advance(12 * 3_600_000);
    expect(await (await callerFor(testDeps.deps, jar)).auth.me()).toBeNull();
  });
});

describe("role boundaries", () => {
  async function signedIn(role: "PLATFORM_ADMIN" | "PRODUCER_ADMIN" | "PRODUCER_STAFF", producerId: string | null) {
    const staff = await createStaff(database.current.db, { role, producerId });
    const jar = new CookieJar();
    await (await callerFor(testDeps.deps, jar)).auth.signIn({ email: staff.email, password: TEST_PASSWORD });
    return callerFor(testDeps.deps, jar);
  }

  it("anonymous callers get UNAUTHORIZED from staff procedures", async () => {
    const caller = await callerFor(testDeps.deps);
    expect((await trpcError(caller.products.list({}))).code).toBe("UNAUTHORIZED");
    expect((await trpcError(caller.producers.list())).code).toBe("UNAUTHORIZED");
  });

  it("producer staff get FORBIDDEN from platform-admin procedures", async () => {
    const producer = await createProducer(database.current.db);
    const caller = await signedIn("PRODUCER_STAFF", producer.id);
    const error = await trpcError(caller.producers.list());
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("Your role does not allow this.");
  });

  it("another producer's product is NOT_FOUND, and their list never shows it; platform admins see both", async () => {
    const { createProduct } = await import("@stockroom/domain/testing");
    const mine = await createProducer(database.current.db);
    const theirs = await createProducer(database.current.db);
    const myProduct = await createProduct(database.current.db, mine.id);
    const theirProduct = await createProduct(database.current.db, theirs.id);
    const caller = await signedIn("PRODUCER_ADMIN", mine.id);

    expect((await caller.products.get({ productId: myProduct.id })).id).toBe(myProduct.id);
    const error = await trpcError(caller.products.get({ productId: theirProduct.id }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("Product not found.");
    expect((await caller.products.list({})).map((p) => p.id)).toEqual([myProduct.id]);
    expect((await trpcError(caller.products.list({ producerId: theirs.id }))).code).toBe("NOT_FOUND");

    const admin = await signedIn("PLATFORM_ADMIN", null);
    expect((await admin.products.get({ productId: theirProduct.id })).id).toBe(theirProduct.id);
    expect((await admin.products.list({ producerId: theirs.id })).map((p) => p.id)).toEqual([theirProduct.id]);
    expect((await admin.producers.list()).map((p) => p.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });
});
