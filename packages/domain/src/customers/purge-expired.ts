import type { Deps } from "../deps.ts";

/** Deletes customers' sign-in links and sessions past their expiry (used links expire too). Hourly, by the worker. */
export async function purgeExpiredCustomerLinks(deps: Deps): Promise<{ links: number; sessions: number }> {
  const now = deps.clock.now();
  const [links, sessions] = await deps.db.$transaction([
    deps.db.customerLoginToken.deleteMany({ where: { expiresAt: { lte: now } } }),
    deps.db.customerSession.deleteMany({ where: { expiresAt: { lte: now } } }),
  ]);
  return { links: links.count, sessions: sessions.count };
}
