import { revokeSessionInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { sessionIdFor } from "./session-token.ts";

export interface OwnSession {
  /** The session's public id; the cookie's hash never leaves the server. */
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
  isCurrent: boolean;
}

type Request = { ip: string; currentToken: string | undefined };

/** The signed-in person's live sessions: this one first, then the most recently used. */
export async function listOwnSessions(deps: Deps, actor: StaffActor, request: Pick<Request, "currentToken">): Promise<OwnSession[]> {
  const current = request.currentToken ? sessionIdFor(request.currentToken) : null;
  const sessions = await deps.db.staffSession.findMany({
    where: { staffId: actor.staffId, expiresAt: { gt: deps.clock.now() } },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
  });
  const listed = sessions.map((s) => ({
    id: s.publicId,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    userAgent: s.userAgent,
    ip: s.ip,
    isCurrent: s.id === current,
  }));
  return [...listed.filter((s) => s.isCurrent), ...listed.filter((s) => !s.isCurrent)];
}

/** Ends one of the person's own sessions; another person's id is NOT_FOUND, as if it did not exist. */
export async function revokeOwnSession(deps: Deps, actor: StaffActor, input: z.input<typeof revokeSessionInput> & Request): Promise<void> {
  const { id } = parseInput(revokeSessionInput, input);
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.staffSession.deleteMany({ where: { publicId: id, staffId: actor.staffId } });
    if (count === 0) throw notFound("Session");
    await recordAudit(tx, auditRevoked(actor, input.ip, { sessionId: id }));
  });
}

/** "Sign out everywhere else": every session of the person but the one making the request. */
export async function revokeOtherSessions(deps: Deps, actor: StaffActor, request: Request): Promise<{ count: number }> {
  const keep = request.currentToken ? sessionIdFor(request.currentToken) : "";
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.staffSession.deleteMany({ where: { staffId: actor.staffId, id: { not: keep } } });
    if (count > 0) await recordAudit(tx, auditRevoked(actor, request.ip, { allOthers: true, count }));
    return { count };
  });
}

function auditRevoked(actor: StaffActor, ip: string, details: { sessionId: string } | { allOthers: true; count: number }) {
  return {
    action: "auth.session_revoked" as const,
    producerId: actor.producerId,
    actor: { staffId: actor.staffId, email: actor.email },
    target: { type: "staff", id: actor.staffId },
    ip,
    details,
  };
}
