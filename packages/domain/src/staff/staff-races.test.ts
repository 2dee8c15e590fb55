import { useTestDatabase } from "@stockroom/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { actorFor, createProducer, createStaff, createTestDeps } from "../testing/index.ts";
import { acceptInvitation } from "./accept-invitation.ts";
import { inviteStaff } from "./invite-staff.ts";
import { deactivateStaff, setStaffRole } from "./manage-staff.ts";

// Races on real parallel connections (Prisma's pool): each call runs in its own transaction.
const database = useTestDatabase();
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;
beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url);
});
afterAll(() => testDeps.close());
const config = { publicUrl: "http://stockroom.test", inviteTtlHours: 72 };

async function settle(calls: Promise<unknown>[]) {
  const results = await Promise.allSettled(calls);
  return {
    won: results.filter((r) => r.status === "fulfilled").length,
    refused: results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code] : [])),
  };
}

it("two concurrent accepts of one invitation: exactly one account, the other NOT_FOUND", async () => {
  const { db } = database.current;
  for (let round = 0; round < 5; round++) {
    const producer = await createProducer(db);
    const admin = actorFor(await createStaff(db, { role: "PRODUCER_ADMIN", producerId: producer.id }));
    const email = `race-${round}-${producer.id.slice(0, 8)}@test.example`;
    await inviteStaff(testDeps.deps, admin, { email, role: "VIEWER" }, config);
    const body = (await db.notification.findFirstOrThrow({ where: { recipient: email } })).body;
    const token = /token=([\w-]+)/.exec(body)?.[1] as string;
    const accept = (name: string) => acceptInvitation(testDeps.deps, { token, name, password: "a long password", sessionTtlHours: 1 });
    expect(await settle([accept("One"), accept("Two"), accept("Three")])).toEqual({ won: 1, refused: ["NOT_FOUND", "NOT_FOUND"] });
    expect(await db.staff.count({ where: { email } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "staff.invitation_accepted", producerId: producer.id } })).toBe(1);
  }
});

it("two concurrent changes to the last two admins: one succeeds, the other is CONFLICT; one admin stays", async () => {
  const { db } = database.current;
  const platform = actorFor(await createStaff(db, { role: "PLATFORM_ADMIN" }));
  for (const change of ["demote", "deactivate", "mixed"] as const) {
    for (let round = 0; round < 4; round++) {
      const producer = await createProducer(db);
      const [a, b] = await Promise.all([1, 2].map(() => createStaff(db, { role: "PRODUCER_ADMIN", producerId: producer.id })));
      const demote = (staffId: string) => setStaffRole(testDeps.deps, platform, { staffId, role: "PRODUCER_STAFF" });
      const deactivate = (staffId: string) => deactivateStaff(testDeps.deps, platform, { staffId });
      const first = change === "deactivate" ? deactivate : demote;
      const second = change === "demote" ? demote : deactivate;
      expect(await settle([first(a?.id as string), second(b?.id as string)])).toEqual({ won: 1, refused: ["CONFLICT"] });
      expect(await db.staff.count({ where: { producerId: producer.id, role: "PRODUCER_ADMIN", deactivatedAt: null } })).toBe(1);
    }
  }
});
