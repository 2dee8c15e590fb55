import { useTestDatabase } from "@stockroom/db/testing";
import { expect, it } from "vitest";
import { recordAudit } from "./record-audit.ts";

const database = useTestDatabase();

it("writes an event with its actor and details, and the log is append-only", async () => {
  const { db } = database.current;
  await recordAudit(db, {
    action: "staff.role_changed",
    actor: { staffId: "00000000-0000-4000-8000-000000000001", email: "a@b.test" },
    details: { from: "VIEWER", to: "PRODUCER_STAFF" },
  });
  const [event] = await db.auditEvent.findMany();
  expect(event).toMatchObject({ action: "staff.role_changed", actorEmail: "a@b.test", details: { from: "VIEWER", to: "PRODUCER_STAFF" } });
  await expect(db.$executeRaw`UPDATE "AuditEvent" SET action = 'x'`).rejects.toThrow(/append-only \(UPDATE rejected\)/);
  await expect(db.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(/append-only \(DELETE rejected\)/);
  expect(await db.auditEvent.count()).toBe(1);
});
