import {
  type Deps,
  latestInventoryCheck,
  readConnections,
  readFailedJobs,
  readJobStartDelays,
  readNotificationBacklog,
  readQueueDepths,
} from "@stockroom/domain";
import { Gauge, type Registry } from "prom-client";
import { memo } from "./memo.ts";

/**
 * The job queues, the notification backlog, the drift detector's last run and the database's
 * connections, read when scraped. Like the seed metrics these are the database's view: the same
 * from every process.
 */
export function registerDatabaseMetrics(registry: Registry, deps: Pick<Deps, "db">): void {
  const gauge = <L extends string>(
    name: string,
    help: string,
    labelNames: L[],
    read: (set: (labels: Record<L, string>, value: number) => void) => Promise<void>,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const values: [Record<L, string>, number][] = [];
        await read((labels, value) => values.push([labels, value]));
        this.reset();
        for (const [labels, value] of values) this.set(labels, value);
      },
    });
  gauge("stockroom_job_queue_depth", "Jobs per queue and state (created, retry, active) waiting or running now.", ["queue", "state"], async (set) => {
    for (const r of await readQueueDepths(deps)) set({ queue: r.queue, state: r.state }, r.jobs);
  });
  gauge("stockroom_jobs_failed_24h", "Jobs per queue that failed for good in the last 24 hours.", ["queue"], async (set) => {
    for (const r of await readFailedJobs(deps)) set({ queue: r.queue }, r.jobs);
  });
  gauge(
    "stockroom_job_start_delay_seconds",
    "Mean seconds from due to started, per queue, for jobs started in the last 15 minutes.",
    ["queue"],
    async (set) => {
      for (const r of await readJobStartDelays(deps)) set({ queue: r.queue }, r.seconds);
    },
  );
  gauge("stockroom_notifications_backlog", "Notifications due and not yet sent (pending past their send time), per channel.", ["channel"], async (set) => {
    for (const r of await readNotificationBacklog(deps)) set({ channel: r.channel }, r.waiting);
  });
  // Both drift series come from one read of the last check per scrape.
  const lastCheck = memo(1_000, () => latestInventoryCheck(deps));
  gauge(
    "stockroom_inventory_drift_violations",
    "Invariant violations the last inventory check found (0: the stock agrees with its ledger); absent before the first check.",
    ["check"],
    async (set) => {
      const last = await lastCheck();
      if (last) set({ check: "latest" }, last.violations);
    },
  );
  gauge(
    "stockroom_inventory_last_check_timestamp_seconds",
    "When the last inventory check finished (Unix seconds); absent before the first.",
    ["check"],
    async (set) => {
      const last = await lastCheck();
      if (last) set({ check: "latest" }, last.finishedAt.getTime() / 1000);
    },
  );
  gauge("stockroom_db_connections", "Connections to this database by state (all processes).", ["state"], async (set) => {
    for (const r of await readConnections(deps)) set({ state: r.state }, r.connections);
  });
}
