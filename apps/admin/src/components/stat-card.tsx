import type { ReactNode } from "react";

/** One headline number. A <div> with a term and value, not a heading, so pages keep one heading per section. */
export function StatCard({ label, value, detail, tone }: { label: string; value: ReactNode; detail?: ReactNode; tone?: "danger" | "warning" }) {
  return (
    <div className={tone ? `stat-card stat-card-${tone}` : "stat-card"}>
      <dt>{label}</dt>
      <dd>
        <span className="stat-value">{value}</span>
        {detail ? <span className="stat-detail">{detail}</span> : null}
      </dd>
    </div>
  );
}

export function StatGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <dl className="stat-grid" aria-label={label}>
      {children}
    </dl>
  );
}
