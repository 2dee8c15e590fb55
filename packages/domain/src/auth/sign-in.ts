import { signInInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { dummyPasswordHash, verifyPassword } from "./password.ts";
import { assertLoginAllowed, recordLoginAttempt } from "./rate-limit.ts";
import { newSessionToken, sessionIdFor } from "./session-token.ts";

export interface SignInResult {
  token: string;
  expiresAt: Date;
  staff: StaffActor;
}

export async function signIn(deps: Deps, input: z.input<typeof signInInput> & { ip: string; sessionTtlHours: number }): Promise<SignInResult> {
  const { email, password } = parseInput(signInInput, input);
  const keys = { email, ip: input.ip };
  await assertLoginAllowed(deps, keys);
  const staff = await deps.db.staff.findUnique({ where: { email } });
  const isValid = await verifyPassword(staff?.passwordHash ?? (await dummyPasswordHash()), password);
  await recordLoginAttempt(deps, keys, Boolean(staff && isValid));
  if (!staff || !isValid) throw new DomainError("INVALID_CREDENTIALS", "Email or password is incorrect.");

  const token = newSessionToken();
  const expiresAt = new Date(deps.clock.now().getTime() + input.sessionTtlHours * 3_600_000);
  await deps.db.staffSession.create({ data: { id: sessionIdFor(token), staffId: staff.id, expiresAt, createdAt: deps.clock.now() } });
  return {
    token,
    expiresAt,
    staff: { kind: "staff", staffId: staff.id, email: staff.email, name: staff.name, role: staff.role, producerId: staff.producerId },
  };
}
