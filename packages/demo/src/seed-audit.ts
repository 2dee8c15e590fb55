import { type Deps, inviteStaff, recordAudit, type StaffActor } from "@stockroom/domain";

/** The demo's open invitation (Staff page) and first audit events (Audit log page). */
export const DEMO_INVITEE = "new.colleague@greenleaf.test";

const actorOf = (s: { id: string; email: string; name: string; role: StaffActor["role"]; producerId: string | null }): StaffActor => ({
  kind: "staff",
  staffId: s.id,
  email: s.email,
  name: s.name,
  role: s.role,
  producerId: s.producerId,
});

/** Idempotent: each event is written once, keyed by what it is about. */
export async function seedDemoAudit(deps: Deps): Promise<void> {
  const { db } = deps;
  const platform = actorOf(await db.staff.findUniqueOrThrow({ where: { email: "admin@stockroom.test" } }));
  for (const producer of await db.producer.findMany({ orderBy: { slug: "asc" } })) {
    if (await db.auditEvent.findFirst({ where: { action: "producer.created", targetId: producer.id } })) continue;
    await recordAudit(db, {
      action: "producer.created",
      at: producer.createdAt,
      producerId: producer.id,
      actor: platform,
      target: { type: "producer", id: producer.id },
      details: { name: producer.name, slug: producer.slug },
    });
  }
  if (await db.staffInvitation.findFirst({ where: { email: DEMO_INVITEE } })) return;
  const manager = actorOf(await db.staff.findUniqueOrThrow({ where: { email: "manager@greenleaf.test" } }));
  await inviteStaff(deps, manager, { email: DEMO_INVITEE, role: "PRODUCER_STAFF" }, { publicUrl: "http://localhost:3000", inviteTtlHours: 24 * 30 });
}
