import { formatCount, formatDateTime, formatDecimal } from "../../lib/format.ts";
import { column } from "../data-table/columns.tsx";
import { DataTable } from "../data-table/data-table.tsx";
import { StatCard, StatGrid } from "../stat-card.tsx";
import type { SystemHealth } from "./seed-metric-list.ts";

type QueueRow = SystemHealth["queues"][number];

const queueColumns = [
  column<QueueRow>("Queue", (q) => q.queue, { className: "cell-title", isRowHeader: true }),
  column<QueueRow>("Waiting", (q) => formatCount(q.waiting), { numeric: true }),
  column<QueueRow>("Running", (q) => formatCount(q.active), { numeric: true }),
  column<QueueRow>("Failed (24 h)", (q) => formatCount(q.failed24h), { numeric: true }),
];

export function QueueTable({ queues }: { queues: QueueRow[] }) {
  return (
    <DataTable
      data={queues}
      columns={queueColumns}
      getRowId={(q) => q.queue}
      className="data-table queue-table"
      empty={{ title: "Every queue is empty", children: "No job is waiting, running, or failed in the last 24 hours." }}
    />
  );
}

const megabytes = (bytes: number) => `${formatDecimal(bytes / 1_000_000)} MB`;

function age(seconds: number): string {
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 2 * 86_400) return `${formatDecimal(seconds / 3600)} h ago`;
  return `${formatDecimal(seconds / 86_400)} days ago`;
}

export function BackupStatus({ backup }: { backup: SystemHealth["backup"] }) {
  if (backup.state === "unavailable")
    return (
      <p className="muted">
        Backups are not available with DATABASE_URL: this server runs on your own Postgres. Back it up with that server's tools (<code>docs/OPERATIONS.md</code>
        ).
      </p>
    );
  if (backup.state === "none")
    return (
      <p className="muted">
        No backup yet. <code>pnpm start</code> takes one daily; <code>pnpm db:backup</code> takes one now.
      </p>
    );
  return (
    <StatGrid label="Last backup">
      <StatCard
        label="Finished"
        value={formatDateTime(backup.finishedAt)}
        detail={age(backup.ageSeconds)}
        tone={backup.ageSeconds > 2 * 86_400 ? "warning" : undefined}
      />
      <StatCard label="Archive" value={megabytes(backup.archiveBytes)} detail={`${megabytes(backup.dataBytes)} of data`} />
    </StatGrid>
  );
}
