import type { Db } from "@stockroom/db";
import { Gauge, type Registry } from "prom-client";

/**
 * The job queues (pg-boss's table) and the database's connections, read when scraped. Like the seed
 * metrics these are the database's view: the same from every process.
 */
export function registerDatabaseMetrics(registry: Registry, db: Db): void {
  new Gauge({
    name: "stockroom_job_queue_depth",
    help: "Jobs per queue and state (created, retry, active) waiting or running now.",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      const rows = await db.$queryRaw<{ name: string; state: string; n: bigint }[]>`
        SELECT name, state::text AS state, count(*) AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') GROUP BY 1, 2`;
      this.reset();
      for (const r of rows) this.set({ queue: r.name, state: r.state }, Number(r.n));
    },
  });
  new Gauge({
    name: "stockroom_jobs_failed_24h",
    help: "Jobs per queue that failed for good in the last 24 hours.",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      const rows = await db.$queryRaw<{ name: string; n: bigint }[]>`
        SELECT name, count(*) AS n FROM pgboss.job WHERE state = 'failed' AND completed_on > now() - interval '24 hours' GROUP BY 1`;
      this.reset();
      for (const r of rows) this.set({ queue: r.name }, Number(r.n));
    },
  });
  new Gauge({
    name: "stockroom_job_start_delay_seconds",
    help: "Mean seconds from due to started, per queue, for jobs started in the last 15 minutes.",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      const rows = await db.$queryRaw<{ name: string; seconds: number }[]>`
        SELECT name, avg(extract(epoch FROM started_on - GREATEST(created_on, start_after)))::float8 AS seconds
        FROM pgboss.job WHERE started_on > now() - interval '15 minutes' GROUP BY 1`;
      this.reset();
      for (const r of rows) this.set({ queue: r.name }, Math.max(0, r.seconds));
    },
  });
  new Gauge({
    name: "stockroom_notifications_backlog",
    help: "Notifications due and not yet sent (pending past their send time), per channel.",
    labelNames: ["channel"],
    registers: [registry],
    async collect() {
      const rows = await db.$queryRaw<{ channel: string; n: bigint }[]>`
        SELECT channel::text AS channel, count(*) AS n FROM "Notification"
        WHERE status = 'PENDING' AND COALESCE("sendAfter", "createdAt") < now() - interval '5 minutes' GROUP BY 1`;
      this.reset();
      for (const r of rows) this.set({ channel: r.channel }, Number(r.n));
    },
  });
  new Gauge({
    name: "stockroom_inventory_drift_violations",
    help: "Invariant violations the last inventory check found (0: the stock agrees with its ledger); absent before the first check.",
    registers: [registry],
    labelNames: ["check"],
    async collect() {
      const [last] = await db.$queryRaw<{ violations: number; at: Date }[]>`
        SELECT violations, "finishedAt" AS at FROM "InventoryCheck" ORDER BY "finishedAt" DESC LIMIT 1`;
      this.reset();
      if (last) this.set({ check: "latest" }, last.violations);
    },
  });
  new Gauge({
    name: "stockroom_inventory_last_check_timestamp_seconds",
    help: "When the last inventory check finished (Unix seconds); absent before the first.",
    registers: [registry],
    labelNames: ["check"],
    async collect() {
      const [last] = await db.$queryRaw<{ at: Date }[]>`SELECT "finishedAt" AS at FROM "InventoryCheck" ORDER BY "finishedAt" DESC LIMIT 1`;
      this.reset();
      if (last) this.set({ check: "latest" }, last.at.getTime() / 1000);
    },
  });
  new Gauge({
    name: "stockroom_db_connections",
    help: "Connections to this database by state (all processes).",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const rows = await db.$queryRaw<{ state: string; n: bigint }[]>`
        SELECT COALESCE(state, 'unknown') AS state, count(*) AS n FROM pg_stat_activity WHERE datname = current_database() GROUP BY 1`;
      this.reset();
      for (const r of rows) this.set({ state: r.state }, Number(r.n));
    },
  });
}
