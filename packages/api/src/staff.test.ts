import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { createProducer, ManualClock } from "@stockroom/domain/testing";
import { describe, expect, it } from "vitest";
import { auditActions, failure, invitationToken, signedInStaff } from "./staff-testing.ts";
import { CookieJar, callerFor } from "./testing.ts";
import { useClockedDeps } from "./use-clocked-deps.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date("2026-03-01T10:00:00Z"));
const testDeps = useClockedDeps(database, clock);

const db = () => database.current.db;
const email = () => `new-${randomUUID().slice(0, 8)}@test.example`;
const anonymous = (jar = new CookieJar()) => callerFor(testDeps.deps, jar);

async function producerWithAdmin() {
  const producer = await createProducer(db());
  const admin = await signedInStaff(testDeps.deps, db(), "PRODUCER_ADMIN", producer.id);
  return { producer, admin };
}

describe("invitations", () => {
  it("invite -> accept -> signed in; the link works once; the password signs in later; audited", async () => {
    const { producer, admin } = await producerWithAdmin();
    const to = email();
    const invited = await (await admin.caller()).staff.invite({ email: to.toUpperCase(), role: "PRODUCER_STAFF" });
    expect(invited).toMatchObject({ email: to, role: "PRODUCER_STAFF", producerId: producer.id, expiresAt: "2026-03-04T10:00:00.000Z" });
    const stored = await db().staffInvitation.findUniqueOrThrow({ where: { id: invited.id } });
    const token = await invitationToken(db(), to);
    expect(stored.tokenHash).not.toBe(token);
    const notification = await db().notification.findFirstOrThrow({ where: { recipient: to } });
    expect(notification).toMatchObject({ producerId: producer.id, channel: "EMAIL", status: "PENDING" });
    expect(notification.body).toContain(`http://stockroom.test/admin/accept-invite?token=${token}`);

    expect(await (await anonymous()).auth.invitation({ token })).toMatchObject({
      email: to,
      role: "PRODUCER_STAFF",
      producerName: producer.name,
      invitedByEmail: admin.staff.email,
    });
    const jar = new CookieJar();
    const me = await (await anonymous(jar)).auth.acceptInvitation({ token, name: "New Person", password: "a long password" });
    expect(me).toMatchObject({ email: to, name: "New Person", role: "PRODUCER_STAFF", producerId: producer.id });
    expect(me.permissions).not.toContain("staff.manage");
    expect(await (await anonymous(jar)).auth.me()).toMatchObject({ email: to });
    expect((await failure((await anonymous()).auth.acceptInvitation({ token, name: "Again", password: "a long password" }))).code).toBe("NOT_FOUND");
    expect((await failure((await anonymous()).auth.invitation({ token }))).code).toBe("NOT_FOUND");
    expect((await (await anonymous(new CookieJar())).auth.signIn({ email: to, password: "a long password" })).email).toBe(to);
    expect(await auditActions(db(), { producerId: producer.id })).toEqual(["staff.invited", "staff.invitation_accepted"]);
  });

  it("refuses bad invitations with the field named", async () => {
    const { producer, admin } = await producerWithAdmin();
    const caller = await admin.caller();
    expect(await failure(caller.staff.invite({ email: admin.staff.email, role: "VIEWER" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { email: "This person already has an account." },
    });
    expect(await failure(caller.staff.invite({ email: "not an email", role: "VIEWER" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { email: "Enter a valid email address." },
    });
    expect(await failure(caller.staff.invite({ email: email(), role: "PLATFORM_ADMIN" }))).toMatchObject({
      code: "FORBIDDEN",
      fields: { role: "not allowed" },
    });
    const other = await createProducer(db());
    expect((await failure(caller.staff.invite({ producerId: other.id, email: email(), role: "VIEWER" }))).code).toBe("NOT_FOUND");
    expect(await db().staffInvitation.count({ where: { producerId: { in: [producer.id, other.id] } } })).toBe(0);

    await caller.staff.invite({ email: "short@test.example", role: "VIEWER" });
    const token = await invitationToken(db(), "short@test.example");
    expect(await failure((await anonymous()).auth.acceptInvitation({ token, name: "S", password: "eleven char" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { password: "Use at least 12 characters." },
    });
  });

  it("a platform admin invites a platform admin (no producer), and the platform message has no producer", async () => {
    const platform = await signedInStaff(testDeps.deps, db(), "PLATFORM_ADMIN", null);
    const to = email();
    expect(await (await platform.caller()).staff.invite({ email: to, role: "PLATFORM_ADMIN" })).toMatchObject({ producerId: null });
    expect((await db().notification.findFirstOrThrow({ where: { recipient: to } })).producerId).toBeNull();
    const me = await (await anonymous()).auth.acceptInvitation({ token: await invitationToken(db(), to), name: "Plat", password: "a long password" });
    expect(me).toMatchObject({ role: "PLATFORM_ADMIN", producerId: null });
    expect(await failure((await platform.caller()).staff.invite({ email: email(), role: "VIEWER" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { producerId: "required" },
    });
  });

  it("expires after INVITE_TTL_HOURS; a re-invite replaces the open one; a revoked link is NOT_FOUND", async () => {
    const { producer, admin } = await producerWithAdmin();
    const to = email();
    await (await admin.caller()).staff.invite({ email: to, role: "VIEWER" });
    const first = await invitationToken(db(), to);
    clock.advance(72 * 3_600_000 - 1);
    expect((await (await anonymous()).auth.invitation({ token: first })).email).toBe(to);
    clock.advance(1);
    expect((await failure((await anonymous()).auth.invitation({ token: first }))).code).toBe("NOT_FOUND");
    expect((await failure((await anonymous()).auth.acceptInvitation({ token: first, name: "Late", password: "a long password" }))).code).toBe("NOT_FOUND");
    const later = await signedInStaff(testDeps.deps, db(), "PRODUCER_ADMIN", producer.id);
    expect(await (await later.caller()).staff.invitations({})).toEqual([]);

    clock.reset();
    await (await admin.caller()).staff.invite({ email: to, role: "VIEWER" });
    clock.advance(1000);
    await (await admin.caller()).staff.invite({ email: to, role: "PRODUCER_STAFF" });
    const open = await (await admin.caller()).staff.invitations({});
    expect(open.map((i) => [i.email, i.role])).toEqual([[to, "PRODUCER_STAFF"]]);
    const latest = await invitationToken(db(), to);
    expect((await (await anonymous()).auth.invitation({ token: latest })).role).toBe("PRODUCER_STAFF");
    await (await admin.caller()).staff.revokeInvitation({ invitationId: open[0]?.id as string });
    expect((await failure((await anonymous()).auth.invitation({ token: latest }))).code).toBe("NOT_FOUND");
    expect((await failure((await admin.caller()).staff.revokeInvitation({ invitationId: open[0]?.id as string }))).code).toBe("NOT_FOUND");
    expect(await auditActions(db(), { producerId: producer.id })).toEqual(["staff.invited", "staff.invited", "staff.invited", "staff.invitation_revoked"]);
  });
});

describe("staff management", () => {
  // Each request resolves its session afresh (createContextInner), as callerFor does here.
  it("deactivate -> the open session stops working on its next call; sign-in refused; reactivate lets them back", async () => {
    const { producer, admin } = await producerWithAdmin();
    const member = await signedInStaff(testDeps.deps, db(), "PRODUCER_STAFF", producer.id);
    expect((await (await member.caller()).auth.me())?.staffId).toBe(member.staff.id);
    expect(await (await admin.caller()).staff.deactivate({ staffId: member.staff.id })).toEqual({ id: member.staff.id, endedSessions: 1 });
    expect(await (await member.caller()).auth.me()).toBeNull();
    expect((await failure((await member.caller()).orders.list({}))).code).toBe("UNAUTHORIZED");
    // Even a session written after the deactivation (not through sign-in) resolves to nobody.
    await db().staffSession.create({ data: { id: "x".repeat(43), staffId: member.staff.id, expiresAt: new Date("2026-03-02T00:00:00Z") } });
    const signIn = (await anonymous()).auth.signIn({ email: member.staff.email, password: "correct horse battery" });
    expect(await failure(signIn)).toMatchObject({ code: "UNAUTHORIZED", message: "Email or password is incorrect." });
    const list = await (await admin.caller()).staff.list({});
    expect(list.find((s) => s.id === member.staff.id)?.deactivatedAt).toBe("2026-03-01T10:00:00.000Z");

    await (await admin.caller()).staff.reactivate({ staffId: member.staff.id });
    expect((await (await anonymous()).auth.signIn({ email: member.staff.email, password: "correct horse battery" })).staffId).toBe(member.staff.id);
    expect(await auditActions(db(), { targetId: member.staff.id })).toEqual(["staff.deactivated", "staff.reactivated"]);
  });

  it("role changes: not your own, never the last active admin, another producer's staff NOT_FOUND; audited from/to", async () => {
    const { producer, admin } = await producerWithAdmin();
    const caller = await admin.caller();
    expect(await failure(caller.staff.setRole({ staffId: admin.staff.id, role: "VIEWER" }))).toMatchObject({
      code: "FORBIDDEN",
      fields: { staffId: "that is you" },
    });
    expect((await failure(caller.staff.deactivate({ staffId: admin.staff.id }))).code).toBe("FORBIDDEN");
    const second = await signedInStaff(testDeps.deps, db(), "PRODUCER_ADMIN", producer.id);
    // The other admin may not demote or deactivate the last one left after this one goes.
    expect(await caller.staff.setRole({ staffId: second.staff.id, role: "VIEWER" })).toEqual({ id: second.staff.id, role: "VIEWER" });
    const platform = await signedInStaff(testDeps.deps, db(), "PLATFORM_ADMIN", null);
    expect(await failure((await platform.caller()).staff.setRole({ staffId: admin.staff.id, role: "VIEWER" }))).toMatchObject({
      code: "CONFLICT",
      message: "A producer must keep at least one active producer admin.",
    });
    expect((await failure((await platform.caller()).staff.deactivate({ staffId: admin.staff.id }))).code).toBe("CONFLICT");
    expect(await failure(caller.staff.setRole({ staffId: second.staff.id, role: "PLATFORM_ADMIN" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { role: expect.stringContaining("PRODUCER_ADMIN") },
    });
    const stranger = await signedInStaff(testDeps.deps, db(), "PRODUCER_STAFF", (await createProducer(db())).id);
    expect((await failure(caller.staff.setRole({ staffId: stranger.staff.id, role: "VIEWER" }))).code).toBe("NOT_FOUND");
    expect((await failure(caller.staff.deactivate({ staffId: stranger.staff.id }))).code).toBe("NOT_FOUND");
    const events = await db().auditEvent.findMany({ where: { producerId: producer.id, action: "staff.role_changed" } });
    expect(events.map((e) => e.details)).toEqual([{ email: second.staff.email, from: "PRODUCER_ADMIN", to: "VIEWER" }]);
    expect(events[0]?.actorEmail).toBe(admin.staff.email);
  });
});
