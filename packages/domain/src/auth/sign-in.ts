import { signInInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError, isDomainError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { dummyPasswordHash, verifyPassword } from "./password.ts";
import { claimLoginAttempt, markLoginSucceeded } from "./rate-limit.ts";
import { isAllowedToSignIn } from "./session.ts";
import { newSessionToken, sessionIdFor } from "./session-token.ts";

export interface SignInResult {
  token: string;
  expiresAt: Date;
  staff: StaffActor;
}

/** What a session records about the browser that opened it (shown in "your sessions"). */
export interface SessionOrigin {
  ip: string;
  userAgent?: string | undefined;
}

/** `replacesToken`: the session cookie the browser already had; it ends, so signing in always starts a fresh session (no fixation). */
export async function signIn(
  deps: Deps,
  input: z.input<typeof signInInput> & SessionOrigin & { sessionTtlHours: number; replacesToken?: string | undefined },
): Promise<SignInResult> {
  const { email, password } = parseInput(signInInput, input);
  const keys = { email, ip: input.ip };
  // Counted as a failure before the password is checked; only a slot within the limits gets a check.
  const attemptIds = await claimLoginAttempt(deps, keys).catch(async (error: unknown) => {
    if (isDomainError(error) && error.code === "RATE_LIMITED") await recordFailedSignIn(deps, { email, ip: input.ip, reason: "rate_limited" });
    throw error;
  });
  const staff = await deps.db.staff.findUnique({ where: { email }, include: { producer: { select: { suspendedAt: true } } } });
  const isValid = await verifyPassword(staff?.passwordHash ?? (await dummyPasswordHash()), password);
  // A deactivated account (or a suspended producer's) gets the same answer as a wrong password.
  if (!staff || !isValid || !isAllowedToSignIn(staff)) {
    await recordFailedSignIn(deps, { email, ip: input.ip, reason: staff && isValid ? "account_inactive" : "invalid_credentials" });
    throw new DomainError("INVALID_CREDENTIALS", "Email or password is incorrect.");
  }
  await markLoginSucceeded(deps, attemptIds);

  const token = newSessionToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + input.sessionTtlHours * 3_600_000);
  await deps.db.$transaction(async (tx) => {
    if (input.replacesToken) await tx.staffSession.deleteMany({ where: { id: sessionIdFor(input.replacesToken) } });
    await tx.staffSession.create({
      data: {
        id: sessionIdFor(token),
        staffId: staff.id,
        expiresAt,
        createdAt: now,
        lastSeenAt: now,
        ip: input.ip.slice(0, 64),
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      },
    });
    await recordAudit(tx, { action: "auth.sign_in", producerId: staff.producerId, actor: { staffId: staff.id, email: staff.email }, ip: input.ip });
  });
  return {
    token,
    expiresAt,
    staff: { kind: "staff", staffId: staff.id, email: staff.email, name: staff.name, role: staff.role, producerId: staff.producerId },
  };
}

/** The email tried (never the password), under the producer of the account it names, if any. */
async function recordFailedSignIn(
  deps: Deps,
  attempt: { email: string; ip: string; reason: "rate_limited" | "invalid_credentials" | "account_inactive" },
): Promise<void> {
  const staff = await deps.db.staff.findUnique({ where: { email: attempt.email }, select: { producerId: true } });
  await recordAudit(deps.db, {
    action: "auth.sign_in_failed",
    producerId: staff?.producerId ?? null,
    actorEmail: attempt.email,
    ip: attempt.ip,
    details: { reason: attempt.reason },
  });
}
