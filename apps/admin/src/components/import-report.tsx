import type { ApiOutputs } from "../lib/api-types.ts";
import { formatCount } from "../lib/format.ts";
import { StatCard, StatGrid } from "./stat-card.tsx";

export type ImportReport = ApiOutputs["imports"]["get"];

/** The dry run's counts and every kept invalid row (line, column, reason). */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <>
      <StatGrid label="Dry run">
        <StatCard label="Rows" value={formatCount(report.totalRows)} />
        <StatCard label="To create" value={formatCount(report.createCount)} />
        <StatCard label="To update" value={formatCount(report.updateCount)} />
        <StatCard label="Unchanged" value={formatCount(report.unchangedCount)} />
        <StatCard label="Invalid" value={formatCount(report.invalidCount)} tone={report.invalidCount ? "danger" : undefined} />
      </StatGrid>
      {report.errors.length ? (
        <div className="table-wrap">
          <table className="summary-table" aria-label="Invalid rows">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Column</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e) => (
                <tr key={`${e.line}-${e.column}`}>
                  <td>{e.line}</td>
                  <td>{e.column}</td>
                  <td className="wrap">{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {report.invalidCount > report.errors.length ? (
        <p className="muted">
          Showing the first {report.errors.length} of {formatCount(report.invalidCount)} invalid rows.
        </p>
      ) : null}
    </>
  );
}

/** Rows done / total while the apply runs, then its outcome. */
export function ImportProgress({ report }: { report: ImportReport }) {
  const running = report.status === "QUEUED" || report.status === "RUNNING";
  return (
    <div className="import-progress" aria-live="polite">
      <progress value={report.doneRows} max={Math.max(report.totalRows, 1)} aria-label="Import progress" />
      <p>
        <strong>{report.status}</strong> · {formatCount(report.doneRows)} / {formatCount(report.totalRows)} rows
        {report.invalidCount ? ` · ${formatCount(report.invalidCount)} invalid` : ""}
        {running ? "…" : ""}
      </p>
      {report.message ? <p className={report.status === "FAILED" ? "banner-error" : "muted"}>{report.message}</p> : null}
    </div>
  );
}
