import { changePasswordInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { claimLoginAttempt, markLoginSucceeded } from "./rate-limit.ts";
import { sessionIdFor } from "./session-token.ts";

const WRONG_PASSWORD = "That is not your current password.";

/**
 * Changes the signed-in person's password. The current password is checked under the sign-in
 * limiter (a stolen session cannot guess it faster than a sign-in form could); on success every
 * other session of the person ends and this one stays.
 */
export async function changePassword(
  deps: Deps,
  actor: StaffActor,
  input: z.input<typeof changePasswordInput> & { ip: string; currentToken: string | undefined },
): Promise<{ sessionsEnded: number }> {
  const { currentPassword, newPassword } = parseInput(changePasswordInput, input);
  const attemptIds = await claimLoginAttempt(deps, { email: actor.email, ip: input.ip });
  const staff = await deps.db.staff.findUniqueOrThrow({ where: { id: actor.staffId } });
  if (!(await verifyPassword(staff.passwordHash, currentPassword))) {
    throw new DomainError("VALIDATION_FAILED", WRONG_PASSWORD, { fields: { currentPassword: WRONG_PASSWORD } });
  }
  await markLoginSucceeded(deps, attemptIds);
  const passwordHash = await hashPassword(newPassword);
  const keep = input.currentToken ? sessionIdFor(input.currentToken) : "";
  return deps.db.$transaction(async (tx) => {
    await tx.staff.update({ where: { id: staff.id }, data: { passwordHash } });
    const ended = await tx.staffSession.deleteMany({ where: { staffId: staff.id, id: { not: keep } } });
    await recordAudit(tx, {
      action: "auth.password_changed",
      producerId: staff.producerId,
      actor: { staffId: staff.id, email: staff.email },
      target: { type: "staff", id: staff.id },
      ip: input.ip,
      details: { sessionsEnded: ended.count },
    });
    return { sessionsEnded: ended.count };
  });
}
