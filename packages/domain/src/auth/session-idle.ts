import type { Deps } from "../deps.ts";

export const DEFAULT_SESSION_IDLE_MINUTES = 60;
/** lastSeenAt is written at most this often per session: a busy admin does not write per request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * False when the session has not been used for SESSION_IDLE_MINUTES: it is deleted. Otherwise
 * records the use, at most once a minute (a conditional UPDATE, so concurrent requests write once).
 */
export async function keepSessionAlive(deps: Deps, session: { id: string; lastSeenAt: Date }): Promise<boolean> {
  const now = deps.clock.now();
  const idleMs = (deps.sessionIdleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES) * 60_000;
  if (now.getTime() - session.lastSeenAt.getTime() >= idleMs) {
    await deps.db.staffSession.deleteMany({ where: { id: session.id } });
    return false;
  }
  const touchBefore = new Date(now.getTime() - TOUCH_EVERY_MS);
  if (session.lastSeenAt < touchBefore) {
    await deps.db.staffSession.updateMany({ where: { id: session.id, lastSeenAt: { lt: touchBefore } }, data: { lastSeenAt: now } });
  }
  return true;
}
