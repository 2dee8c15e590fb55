import { formatCost, formatCount, formatPercent, formatSigned } from "../../lib/format.ts";
import { StatCard, StatGrid } from "../stat-card.tsx";
import { CountActions } from "./count-actions.tsx";
import type { CountDetail, CountLine } from "./count-scope.ts";

/** For those who manage counts: the differences in units and at cost, recounts, approval and cancelling. */
export function CountReview({ count }: { count: CountDetail }) {
  const { summary } = count;
  const differing = count.lines.filter((l) => l.needsRecount || (l.variance !== null && l.variance !== 0));
  const movements = count.lines.filter((l) => l.variance !== null && l.variance !== 0).length;
  const totalValue = differing.reduce((sum, l) => sum + (l.varianceValueCents ?? 0), 0);
  return (
    <div className="count-review">
      <StatGrid label="Count summary">
        <StatCard label="Counted" value={`${formatCount(summary.counted)} / ${formatCount(summary.lines)}`} detail="lots" />
        <StatCard label="Accuracy" value={summary.accuracyRate === null ? "—" : formatPercent(summary.accuracyRate)} detail="lots that matched" />
        <StatCard
          label="To recount"
          value={formatCount(summary.needRecount)}
          detail="above the thresholds"
          tone={summary.needRecount > 0 ? "warning" : undefined}
        />
        <StatCard label="Variance at cost" value={formatCost(count.lines.some((l) => l.varianceValueCents !== null) ? totalValue : null)} />
      </StatGrid>
      <h2>Differences</h2>
      {differing.length === 0 ? (
        <p className="empty-title">No differences{summary.counted === 0 ? " yet: nothing has been counted" : ""}.</p>
      ) : (
        <ul className="variance-list" aria-label="Differences">
          {differing.map((line) => (
            <VarianceRow key={line.lineId} line={line} />
          ))}
        </ul>
      )}
      {count.status === "COUNTING" ? <CountActions count={count} movements={movements} /> : null}
      {count.cancelReason ? <p className="muted">Cancelled: {count.cancelReason}</p> : null}
    </div>
  );
}

function VarianceRow({ line }: { line: CountLine }) {
  return (
    <li className={line.needsRecount ? "variance-row variance-recount" : "variance-row"} data-lot={line.lotNumber}>
      <span>
        <strong>{line.productName}</strong>
        <span className="muted small">
          {" "}
          lot {line.lotNumber} · {line.locationName}
        </span>
        {line.needsRecount ? <span className="badge badge-warning">Recount</span> : null}
      </span>
      <span className="variance-numbers">
        <span>
          counted {formatCount(line.counted ?? 0)} of {formatCount(line.systemAtCount ?? 0)}
        </span>
        <strong className={line.variance && line.variance < 0 ? "variance-minus" : "variance-plus"}>{formatSigned(line.variance ?? 0)}</strong>
        <span>{formatCost(line.varianceValueCents)}</span>
      </span>
    </li>
  );
}
