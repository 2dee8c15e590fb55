import { type Deps, expireHolds, purgeExpiredSessions, sweepExpiredHolds } from "@stockroom/domain";
import type { JobName, ParsedJobPayload } from "@stockroom/jobs";

export type JobHandler<N extends JobName> = (deps: Deps, payload: ParsedJobPayload<N>) => Promise<unknown>;

/** One handler per job; each parses nothing itself (the runner does) and calls one domain function. */
export const HANDLERS: { [N in JobName]: JobHandler<N> } = {
  "auth.purge-expired-sessions": (deps, payload) => purgeExpiredSessions(deps, payload),
  "hold.expire": (deps, payload) => expireHolds(deps, payload),
  "hold.sweep": (deps) => sweepExpiredHolds(deps),
};

/** Cron schedules the worker registers at start (idempotent upserts in pg-boss). */
export const SCHEDULES: { name: JobName; cron: string }[] = [
  { name: "auth.purge-expired-sessions", cron: "17 * * * *" },
  { name: "hold.sweep", cron: "* * * * *" },
];
