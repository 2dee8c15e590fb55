import type { Tx } from "@stockroom/db";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

type LoginKeys = { email: string; ip: string };

/** Short: count and insert only; the password is checked after the commit, outside the locks. */
const CLAIM_TX = { maxWait: 10_000, timeout: 10_000 } as const;

/**
 * Takes a slot for one sign-in attempt, or throws RATE_LIMITED. Under a transaction-scoped advisory
 * lock per key (email, IP; taken in one order), it counts the failures in the window and records
 * this attempt as a failure BEFORE any password is checked, so concurrent or batched attempts
 * queue on the lock and each sees the ones before it: at most the limit get a password check.
 * `markLoginSucceeded` turns the slot into a success. Counts live in the database, so the limits
 * hold across server processes. A successful sign-in for the email starts its count again (only the
 * password's owner can do that); the per-IP count is not reset.
 */
export async function claimLoginAttempt(deps: Deps, keys: LoginKeys): Promise<bigint[]> {
  const emailKey = `email:${keys.email}`;
  const ipKey = `ip:${keys.ip}`;
  return deps.db.$transaction(async (tx) => {
    for (const key of [emailKey, ipKey].sort()) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`stockroom.login:${key}`}, 0))`;
    }
    await assertWithinLimits(deps, tx, emailKey, ipKey);
    const createdAt = deps.clock.now();
    const rows = await tx.loginAttempt.createManyAndReturn({
      data: [
        { key: emailKey, succeeded: false, createdAt },
        { key: ipKey, succeeded: false, createdAt },
      ],
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }, CLAIM_TX);
}

export async function markLoginSucceeded(deps: Deps, attemptIds: bigint[]): Promise<void> {
  await deps.db.loginAttempt.updateMany({ where: { id: { in: attemptIds } }, data: { succeeded: true } });
}

async function assertWithinLimits(deps: Deps, tx: Tx, emailKey: string, ipKey: string): Promise<void> {
  const windowStart = new Date(deps.clock.now().getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const lastSuccess = await tx.loginAttempt.findFirst({
    where: { key: emailKey, succeeded: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
  const byEmail = await tx.loginAttempt.count({ where: { key: emailKey, succeeded: false, createdAt: { gt: since } } });
  const byIp = await tx.loginAttempt.count({ where: { key: ipKey, succeeded: false, createdAt: { gte: windowStart } } });
  if (byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP) {
    throw new DomainError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`, {
      retryAfterSeconds: LOGIN_WINDOW_MINUTES * 60,
    });
  }
}
