import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

/**
 * Counts failed sign-ins in the window from the database, so limits hold across server processes.
 * A successful sign-in for the email starts its count again (only the password's owner can do
 * that); the per-IP count is not reset.
 */
export async function assertLoginAllowed(deps: Deps, keys: { email: string; ip: string }): Promise<void> {
  const windowStart = new Date(deps.clock.now().getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const lastSuccess = await deps.db.loginAttempt.findFirst({
    where: { key: `email:${keys.email}`, succeeded: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
  const [byEmail, byIp] = await Promise.all([
    deps.db.loginAttempt.count({ where: { key: `email:${keys.email}`, succeeded: false, createdAt: { gt: since } } }),
    deps.db.loginAttempt.count({ where: { key: `ip:${keys.ip}`, succeeded: false, createdAt: { gte: windowStart } } }),
  ]);
  if (byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP) {
    throw new DomainError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`, {
      retryAfterSeconds: LOGIN_WINDOW_MINUTES * 60,
    });
  }
}

export async function recordLoginAttempt(deps: Deps, keys: { email: string; ip: string }, succeeded: boolean): Promise<void> {
  const createdAt = deps.clock.now();
  await deps.db.loginAttempt.createMany({
    data: [
      { key: `email:${keys.email}`, succeeded, createdAt },
      { key: `ip:${keys.ip}`, succeeded, createdAt },
    ],
  });
}
