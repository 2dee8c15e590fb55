import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { createProducer, ManualClock, TEST_PASSWORD } from "@stockroom/domain/testing";
import { describe, expect, it } from "vitest";
import { auditActions, failure, invitationToken, signedInStaff } from "./staff-testing.ts";
import { CookieJar, callerFor } from "./testing.ts";
import { useClockedDeps } from "./use-clocked-deps.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date("2026-03-01T10:00:00Z"));
const testDeps = useClockedDeps(database, clock);
const db = () => database.current.db;
const anonymous = (jar = new CookieJar()) => callerFor(testDeps.deps, jar);
const platformAdmin = () => signedInStaff(testDeps.deps, db(), "PLATFORM_ADMIN", null);

describe("producers (platform only)", () => {
  it("create: the producer, its first location and an invitation for its first admin; a used slug names the field", async () => {
    const platform = await platformAdmin();
    const slug = `fresh-${randomUUID().slice(0, 8)}`;
    const adminEmail = `first-${slug}@test.example`;
    const created = await (await platform.caller()).producers.create({ name: "Fresh Farm", slug, adminEmail });
    expect(created).toMatchObject({ name: "Fresh Farm", slug, suspendedAt: null });
    expect(await db().location.findMany({ where: { producerId: created.id }, select: { name: true, isSellable: true } })).toEqual([
      { name: "Main location", isSellable: true },
    ]);
    const me = await (await anonymous()).auth.acceptInvitation({ token: await invitationToken(db(), adminEmail), name: "First", password: "a long password" });
    expect(me).toMatchObject({ role: "PRODUCER_ADMIN", producerId: created.id });
    expect(await auditActions(db(), { producerId: created.id })).toEqual(["producer.created", "staff.invited", "staff.invitation_accepted"]);
    expect(await failure((await platform.caller()).producers.create({ name: "Again", slug, adminEmail: "x@test.example" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { slug: "already used" },
    });
    expect(await failure((await platform.caller()).producers.create({ name: "Dup", slug: `${slug}-2`, adminEmail }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { adminEmail: "This person already has an account." },
    });
    expect(await db().producer.count({ where: { slug: { startsWith: slug } } })).toBe(1);
  });

  it("suspend signs the producer's staff out and keeps them out; reactivate lets them back; listed with status", async () => {
    const platform = await platformAdmin();
    const producer = await createProducer(db());
    const staff = await signedInStaff(testDeps.deps, db(), "PRODUCER_ADMIN", producer.id);
    await (await staff.caller()).staff.invite({ email: `pending-${producer.id}@test.example`, role: "VIEWER" });
    const token = await invitationToken(db(), `pending-${producer.id}@test.example`);
    expect(await (await platform.caller()).producers.suspend({ producerId: producer.id })).toEqual({ id: producer.id, endedSessions: 1 });
    expect(await (await staff.caller()).auth.me()).toBeNull();
    expect((await failure((await anonymous()).auth.signIn({ email: staff.staff.email, password: TEST_PASSWORD }))).code).toBe("UNAUTHORIZED");
    expect((await failure((await anonymous()).auth.invitation({ token }))).code).toBe("NOT_FOUND");
    const listed = await (await platform.caller()).producers.list();
    expect(listed.find((p) => p.id === producer.id)?.suspendedAt).toBe("2026-03-01T10:00:00.000Z");

    await (await platform.caller()).producers.reactivate({ producerId: producer.id });
    expect((await (await anonymous()).auth.signIn({ email: staff.staff.email, password: TEST_PASSWORD })).staffId).toBe(staff.staff.id);
    expect((await failure((await platform.caller()).producers.suspend({ producerId: randomUUID() }))).code).toBe("NOT_FOUND");
    expect(await auditActions(db(), { targetId: producer.id })).toEqual(["producer.suspended", "producer.reactivated"]);
  });
});

describe("audit.list", () => {
  it("newest first, paged by cursor; filters by action, actor email and days; producer admins see their producer only", async () => {
    const producer = await createProducer(db());
    const other = await createProducer(db());
    const otherAdmin = await signedInStaff(testDeps.deps, db(), "PRODUCER_ADMIN", other.id);
    await (await otherAdmin.caller()).staff.invite({ email: `o-${other.id}@test.example`, role: "VIEWER" });
    for (const [day, n] of [
      ["2026-03-01", 1],
      ["2026-03-02", 2],
      ["2026-03-03", 3],
    ] as const) {
      clock.set(new Date(`${day}T12:00:00Z`));
      const fresh = await signedInStaff(testDeps.deps, db(), "PRODUCER_ADMIN", producer.id);
      await (await fresh.caller()).staff.invite({ email: `a${n}-${producer.id}@test.example`, role: "VIEWER" });
    }
    await (await signedInStaff(testDeps.deps, db(), "PRODUCER_ADMIN", producer.id).then((s) => s.caller())).alerts.updateSettings({
      emailRecipients: ["ops@test.example"],
      smsRecipients: [],
      whatsappRecipients: [],
      lowStockChannels: ["EMAIL"],
      escalationChannels: [],
      expiryChannels: [],
      quietHoursStartHour: null,
      quietHoursEndHour: null,
    });
    const caller = await (await signedInStaff(testDeps.deps, db(), "PRODUCER_ADMIN", producer.id)).caller();
    const all = await caller.audit.list({});
    // The signed-in callers' own sign-ins are in the log too; the rest in the order they happened.
    expect(all.items.map((e) => e.action).filter((a) => a.startsWith("auth."))).toContain("auth.sign_in");
    const changes = all.items.filter((e) => !e.action.startsWith("auth."));
    expect(changes.map((e) => e.action)).toEqual(["alerts.settings_changed", "staff.invited", "staff.invited", "staff.invited"]);
    expect(all.items.every((e) => e.producerId === producer.id && e.producerName === producer.name)).toBe(true);
    expect(changes[0]?.details).toMatchObject({ to: { recipients: { EMAIL: ["ops@test.example"] } } });

    const first = await caller.audit.list({ action: "staff.invited", limit: 2 });
    expect(first.items.map((e) => e.details?.email)).toEqual([`a3-${producer.id}@test.example`, `a2-${producer.id}@test.example`]);
    const second = await caller.audit.list({ action: "staff.invited", limit: 2, cursor: first.nextCursor as string });
    expect(second.items.map((e) => e.details?.email)).toEqual([`a1-${producer.id}@test.example`]);
    expect(second.nextCursor).toBeNull();

    expect((await caller.audit.list({ from: "2026-03-02", to: "2026-03-02" })).items.map((e) => e.details?.email)).toEqual([`a2-${producer.id}@test.example`]);
    // An actor's email, searched in part and in any case: their invitation (and their own sign-in).
    const invite = changes[2];
    const actor = String(invite?.actorEmail).toUpperCase().slice(0, 12);
    const byActor = (await caller.audit.list({ actorEmail: actor })).items;
    expect(byActor.filter((e) => !e.action.startsWith("auth.")).map((e) => e.id)).toEqual([invite?.id]);
    expect(byActor.every((e) => e.actorEmail === invite?.actorEmail)).toBe(true);
    expect(await failure(caller.audit.list({ from: "2026-03-03", to: "2026-03-01" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { from: expect.any(String) },
    });
    expect(await failure(caller.audit.list({ action: "made.up" as never }))).toMatchObject({ code: "BAD_REQUEST", fields: { action: expect.any(String) } });
    expect((await failure(caller.audit.list({ producerId: other.id }))).code).toBe("NOT_FOUND");

    const platform = await platformAdmin();
    expect((await (await platform.caller()).audit.list({ producerId: other.id })).items.map((e) => e.action).filter((a) => !a.startsWith("auth."))).toEqual([
      "staff.invited",
    ]);
  });
});
