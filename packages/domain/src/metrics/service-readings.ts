import type { Deps } from "../deps.ts";

type Reader = Pick<Deps, "db">;

/** Jobs per queue and state waiting (created, retry) or running (active), from pg-boss's table. */
export async function readQueueDepths({ db }: Reader): Promise<{ queue: string; state: string; jobs: number }[]> {
  const rows = await db.$queryRaw<{ name: string; state: string; n: bigint }[]>`
    SELECT name, state::text AS state, count(*) AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') GROUP BY 1, 2`;
  return rows.map((r) => ({ queue: r.name, state: r.state, jobs: Number(r.n) }));
}

/** Jobs per queue that failed for good in the last 24 hours. */
export async function readFailedJobs({ db }: Reader): Promise<{ queue: string; jobs: number }[]> {
  const rows = await db.$queryRaw<{ name: string; n: bigint }[]>`
    SELECT name, count(*) AS n FROM pgboss.job WHERE state = 'failed' AND completed_on > now() - interval '24 hours' GROUP BY 1`;
  return rows.map((r) => ({ queue: r.name, jobs: Number(r.n) }));
}

/** Mean seconds from due to started per queue, for jobs started in the last 15 minutes. */
export async function readJobStartDelays({ db }: Reader): Promise<{ queue: string; seconds: number }[]> {
  const rows = await db.$queryRaw<{ name: string; seconds: number }[]>`
    SELECT name, avg(extract(epoch FROM started_on - GREATEST(created_on, start_after)))::float8 AS seconds
    FROM pgboss.job WHERE started_on > now() - interval '15 minutes' GROUP BY 1`;
  return rows.map((r) => ({ queue: r.name, seconds: Math.max(0, r.seconds) }));
}

/** Notifications due for more than 5 minutes and still PENDING, per channel. */
export async function readNotificationBacklog({ db }: Reader): Promise<{ channel: string; waiting: number }[]> {
  const rows = await db.$queryRaw<{ channel: string; n: bigint }[]>`
    SELECT channel::text AS channel, count(*) AS n FROM "Notification"
    WHERE status = 'PENDING' AND COALESCE("sendAfter", "createdAt") < now() - interval '5 minutes' GROUP BY 1`;
  return rows.map((r) => ({ channel: r.channel, waiting: Number(r.n) }));
}

/** Connections to this database by state (every process's). */
export async function readConnections({ db }: Reader): Promise<{ state: string; connections: number }[]> {
  const rows = await db.$queryRaw<{ state: string; n: bigint }[]>`
    SELECT COALESCE(state, 'unknown') AS state, count(*) AS n FROM pg_stat_activity WHERE datname = current_database() GROUP BY 1`;
  return rows.map((r) => ({ state: r.state, connections: Number(r.n) }));
}
