import { Bar, BarChart, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatPercent, formatShortDay } from "../../lib/format.ts";
import { AXIS_TICK, CHART_COLORS } from "../charts/chart-frame.tsx";
import type { SeedMetricCard, TrendDay } from "./seed-metric-list.ts";

/** A metric's last days as a small chart, or a sentence when there is nothing to draw. */
export function MetricTrend({ card, trends }: { card: SeedMetricCard; trends: TrendDay[] }) {
  if (typeof card.trend === "object") return <p className="muted small metric-trend-empty">{card.trend.none}</p>;
  const key = card.trend;
  const points = trends.map((d) => ({ day: d.day, value: d[key] }));
  const measured = points.filter((p) => p.value !== null);
  const days = trends.length;
  if (card.kind === "rate" && measured.length === 0) return <p className="muted small metric-trend-empty">Nothing to measure in the last {days} days.</p>;
  if (card.kind === "count" && measured.every((p) => p.value === 0)) return <p className="muted small metric-trend-empty">None in the last {days} days.</p>;
  const summary =
    card.kind === "rate"
      ? `${card.label}, last ${days} days: measured on ${measured.length} day(s), lowest ${formatPercent(Math.min(...measured.map((p) => p.value as number)))}.`
      : `${card.label}, last ${days} days: ${formatCount(measured.reduce((sum, p) => sum + (p.value as number), 0))} in all.`;
  const axes = (
    <>
      <XAxis dataKey="day" tickFormatter={formatShortDay} tick={AXIS_TICK} minTickGap={24} height={20} />
      <YAxis
        tick={AXIS_TICK}
        width={40}
        allowDecimals={false}
        {...(card.kind === "rate" ? { domain: [0, 1], tickFormatter: (v: number) => formatPercent(v), ticks: [0, 0.5, 1] } : {})}
      />
      <Tooltip
        labelFormatter={(label) => formatShortDay(String(label))}
        formatter={(value) => (card.kind === "rate" ? formatPercent(Number(value)) : formatCount(Number(value)))}
      />
    </>
  );
  return (
    <figure className="metric-trend" aria-label={summary} data-testid={`trend-${card.key}`}>
      <ResponsiveContainer width="100%" height={110}>
        {card.kind === "rate" ? (
          <LineChart data={points} margin={{ top: 6, right: 6, bottom: 0, left: 0 }}>
            {axes}
            <Line
              isAnimationActive={false}
              type="linear"
              dataKey="value"
              name={card.label}
              stroke={CHART_COLORS.out}
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls={false}
            />
          </LineChart>
        ) : (
          <BarChart data={points} margin={{ top: 6, right: 6, bottom: 0, left: 0 }}>
            {axes}
            <Bar isAnimationActive={false} dataKey="value" name={card.label} fill={CHART_COLORS.open} />
          </BarChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
