import { formatCount, formatDateTime } from "../../lib/format.ts";
import { Badge } from "../badges.tsx";
import { column } from "../data-table/columns.tsx";
import { DataTable } from "../data-table/data-table.tsx";
import { EmptyState } from "../empty-state.tsx";
import { StatCard, StatGrid } from "../stat-card.tsx";
import type { SystemHealth } from "./seed-metric-list.ts";

type Check = NonNullable<SystemHealth["lastCheck"]>;
type Problem = Check["problems"][number];

const columns = [
  column<Problem>("Lot", (p) => p.lotNumber, { className: "cell-title", isRowHeader: true }),
  column<Problem>("Check", (p) => p.check),
  column<Problem>("Problem", (p) => p.message),
];

/** The drift detector's last result: when, why, how many lots, and the first problems. */
export function DriftCheck({ check }: { check: SystemHealth["lastCheck"] }) {
  if (!check) return <EmptyState title="No check has run yet">The worker runs one daily; press Run check now to run one at once.</EmptyState>;
  return (
    <div className="drift-check" data-check-id={check.id}>
      <StatGrid label="Last drift check">
        <StatCard label="Finished" value={formatDateTime(check.finishedAt)} detail={check.trigger === "manual" ? "Run by hand" : "Daily schedule"} />
        <StatCard label="Lots checked" value={formatCount(check.lotsChecked)} />
        <StatCard
          label="Violations"
          value={formatCount(check.violations)}
          tone={check.violations > 0 ? "danger" : undefined}
          detail={check.violations > 0 ? <Badge tone="danger">Drift found</Badge> : <Badge tone="success">Every invariant holds</Badge>}
        />
      </StatGrid>
      {check.problems.length > 0 ? (
        <DataTable
          data={check.problems}
          columns={columns}
          getRowId={(p) => `${p.lotId}-${p.check}`}
          className="data-table drift-table"
          empty={{ title: "No problems" }}
        />
      ) : null}
      {check.violations > check.problems.length ? (
        <p className="muted small">
          The first {check.problems.length} of {formatCount(check.violations)} shown; the email to platform admins and <code>pnpm inventory:validate</code> list
          more.
        </p>
      ) : null}
    </div>
  );
}
