import type { StaffActor } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { keepSessionAlive } from "./session-idle.ts";
import { sessionIdFor } from "./session-token.ts";

/** Deactivated staff and a suspended producer's staff are refused at sign-in and on every call. */
export function isAllowedToSignIn(staff: { deactivatedAt: Date | null; producer: { suspendedAt: Date | null } | null }): boolean {
  return staff.deactivatedAt === null && !staff.producer?.suspendedAt;
}

/** The staff member behind a session cookie, or null when it is unknown, expired, idle too long, deactivated or of a suspended producer. */
export async function resolveSession(deps: Deps, token: string | undefined): Promise<StaffActor | null> {
  if (!token) return null;
  const session = await deps.db.staffSession.findUnique({
    where: { id: sessionIdFor(token) },
    include: { staff: { include: { producer: { select: { suspendedAt: true } } } } },
  });
  if (!session || session.expiresAt <= deps.clock.now()) return null;
  if (!isAllowedToSignIn(session.staff)) return null;
  if (!(await keepSessionAlive(deps, session))) return null;
  const { staff } = session;
  return { kind: "staff", staffId: staff.id, email: staff.email, name: staff.name, role: staff.role, producerId: staff.producerId };
}

export async function signOut(deps: Deps, token: string | undefined, request: { ip?: string } = {}): Promise<void> {
  if (!token) return;
  await deps.db.$transaction(async (tx) => {
    const id = sessionIdFor(token);
    const ended = await tx.staffSession.findUnique({ where: { id }, include: { staff: true } });
    const { count } = await tx.staffSession.deleteMany({ where: { id } });
    if (!ended || count === 0) return;
    const { staff } = ended;
    await recordAudit(tx, { action: "auth.sign_out", producerId: staff.producerId, actor: { staffId: staff.id, email: staff.email }, ip: request.ip });
  });
}

export async function purgeExpiredSessions(deps: Deps, input: { loginAttemptRetentionHours: number }): Promise<{ sessions: number; loginAttempts: number }> {
  const now = deps.clock.now();
  const attemptsBefore = new Date(now.getTime() - input.loginAttemptRetentionHours * 3_600_000);
  const [sessions, loginAttempts] = await deps.db.$transaction([
    deps.db.staffSession.deleteMany({ where: { expiresAt: { lte: now } } }),
    deps.db.loginAttempt.deleteMany({ where: { createdAt: { lt: attemptsBefore } } }),
  ]);
  return { sessions: sessions.count, loginAttempts: loginAttempts.count };
}
