import type { Tx } from "@stockroom/db";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { oneAtATime } from "./one-at-a-time.ts";

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

type LoginKeys = { email: string; ip: string };

/** One limiter (its own keys in LoginAttempt): the sign-in's, or the password reset request's. */
export interface AttemptLimit {
  /** Prefix of the keys, e.g. "" for sign-ins ("email:..."), "reset-" for reset requests. */
  prefix: string;
  maxPerEmail: number;
  maxPerIp: number;
  message: string;
}

const SIGN_IN_LIMIT: AttemptLimit = {
  prefix: "",
  maxPerEmail: MAX_FAILURES_PER_EMAIL,
  maxPerIp: MAX_FAILURES_PER_IP,
  message: `Too many failed sign-ins. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`,
};

/** Every reset request counts (none is ever marked succeeded), whether or not the email has an account. */
export const PASSWORD_RESET_LIMIT: AttemptLimit = {
  prefix: "reset-",
  maxPerEmail: 3,
  maxPerIp: 20,
  message: `Too many password reset requests. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`,
};

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
export async function claimLoginAttempt(deps: Deps, keys: LoginKeys, limit: AttemptLimit = SIGN_IN_LIMIT): Promise<bigint[]> {
  return withAttemptClaimed(deps, keys, limit, async (_tx, attemptIds) => attemptIds);
}

/**
 * Claims a slot as above, then runs `then` in the same transaction, under the same locks (the
 * password reset request does all its work there: one commit whether or not the account exists).
 */
export async function withAttemptClaimed<T>(deps: Deps, keys: LoginKeys, limit: AttemptLimit, then: (tx: Tx, attemptIds: bigint[]) => Promise<T>): Promise<T> {
  const emailKey = `${limit.prefix}email:${keys.email}`;
  const ipKey = `${limit.prefix}ip:${keys.ip}`;
  // Attempts from one address queue here, in memory, before they take a pooled connection: many
  // people signing in behind one address (an office, a carrier's NAT) would otherwise each hold a
  // connection while waiting for the address's lock, and starve every other request of the pool.
  return oneAtATime(ipKey, () => claimInTransaction(deps, emailKey, ipKey, limit, then));
}

async function claimInTransaction<T>(
  deps: Deps,
  emailKey: string,
  ipKey: string,
  limit: AttemptLimit,
  then: (tx: Tx, attemptIds: bigint[]) => Promise<T>,
): Promise<T> {
  return deps.db.$transaction(async (tx) => {
    for (const key of [emailKey, ipKey].sort()) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`stockroom.login:${key}`}, 0))`;
    }
    await assertWithinLimits(deps, tx, { emailKey, ipKey, limit });
    const createdAt = deps.clock.now();
    const rows = await tx.loginAttempt.createManyAndReturn({
      data: [
        { key: emailKey, succeeded: false, createdAt },
        { key: ipKey, succeeded: false, createdAt },
      ],
      select: { id: true },
    });
    return then(
      tx,
      rows.map((r) => r.id),
    );
  }, CLAIM_TX);
}

export async function markLoginSucceeded(deps: Deps, attemptIds: bigint[]): Promise<void> {
  await deps.db.loginAttempt.updateMany({ where: { id: { in: attemptIds } }, data: { succeeded: true } });
}

async function assertWithinLimits(deps: Deps, tx: Tx, { emailKey, ipKey, limit }: { emailKey: string; ipKey: string; limit: AttemptLimit }): Promise<void> {
  const windowStart = new Date(deps.clock.now().getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const lastSuccess = await tx.loginAttempt.findFirst({
    where: { key: emailKey, succeeded: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
  const byEmail = await tx.loginAttempt.count({ where: { key: emailKey, succeeded: false, createdAt: { gt: since } } });
  const byIp = await tx.loginAttempt.count({ where: { key: ipKey, succeeded: false, createdAt: { gte: windowStart } } });
  if (byEmail >= limit.maxPerEmail || byIp >= limit.maxPerIp) {
    throw new DomainError("RATE_LIMITED", limit.message, {
      retryAfterSeconds: LOGIN_WINDOW_MINUTES * 60,
    });
  }
}
