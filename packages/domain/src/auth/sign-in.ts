import { signInInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
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

/** `replacesToken`: the session cookie the browser already had; it ends, so signing in always starts a fresh session (no fixation). */
export async function signIn(
  deps: Deps,
  input: z.input<typeof signInInput> & { ip: string; sessionTtlHours: number; replacesToken?: string | undefined },
): Promise<SignInResult> {
  const { email, password } = parseInput(signInInput, input);
  const keys = { email, ip: input.ip };
  // Counted as a failure before the password is checked; only a slot within the limits gets a check.
  const attemptIds = await claimLoginAttempt(deps, keys);
  const staff = await deps.db.staff.findUnique({ where: { email }, include: { producer: { select: { suspendedAt: true } } } });
  const isValid = await verifyPassword(staff?.passwordHash ?? (await dummyPasswordHash()), password);
  // A deactivated account (or a suspended producer's) gets the same answer as a wrong password.
  if (!staff || !isValid || !isAllowedToSignIn(staff)) throw new DomainError("INVALID_CREDENTIALS", "Email or password is incorrect.");
  await markLoginSucceeded(deps, attemptIds);

  const token = newSessionToken();
  const expiresAt = new Date(deps.clock.now().getTime() + input.sessionTtlHours * 3_600_000);
  await deps.db.$transaction([
    ...(input.replacesToken ? [deps.db.staffSession.deleteMany({ where: { id: sessionIdFor(input.replacesToken) } })] : []),
    deps.db.staffSession.create({ data: { id: sessionIdFor(token), staffId: staff.id, expiresAt, createdAt: deps.clock.now() } }),
  ]);
  return {
    token,
    expiresAt,
    staff: { kind: "staff", staffId: staff.id, email: staff.email, name: staff.name, role: staff.role, producerId: staff.producerId },
  };
}
