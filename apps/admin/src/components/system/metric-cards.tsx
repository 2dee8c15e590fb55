import { formatCount, formatPercent } from "../../lib/format.ts";
import { MetricTrend } from "./metric-trend.tsx";
import { SEED_METRIC_CARDS, type SystemHealth } from "./seed-metric-list.ts";

/** The seven seed metrics: value, one-line definition, and the daily trend where one exists. */
export function MetricCards({ metrics, trends }: Pick<SystemHealth, "metrics" | "trends">) {
  return (
    <ul className="metric-cards" aria-label="Seed metrics">
      {SEED_METRIC_CARDS.map((card) => {
        const value = card.value(metrics);
        const tone = value === null ? undefined : card.tone?.(value);
        const shown = value === null ? "Nothing to measure" : card.kind === "rate" ? formatPercent(value) : formatCount(value);
        return (
          <li key={card.key} className={tone ? `metric-card stat-card stat-card-${tone}` : "metric-card stat-card"} data-metric={card.key}>
            <h3 className="metric-label">{card.label}</h3>
            <p className={value === null ? "metric-value metric-value-none" : "metric-value"}>{shown}</p>
            <p className="muted small">{card.definition}</p>
            {card.detail ? <p className="muted small">{card.detail(metrics)}</p> : null}
            <MetricTrend card={card} trends={trends} />
          </li>
        );
      })}
    </ul>
  );
}
