import type { ReactNode } from "react";

/** A chart with its caption; the caption doubles as the chart's accessible name. */
export function ChartFrame({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  return (
    <figure className="chart" aria-label={`${title}. ${summary}`}>
      <div className="chart-canvas">{children}</div>
      <figcaption className="muted small">{summary}</figcaption>
    </figure>
  );
}

export const CHART_COLORS = {
  in: "#1f6f5c",
  out: "#3563c9",
  writeOff: "#c4320a",
  open: "#b54708",
  revenue: "#3563c9",
  cost: "#98a2b3",
  margin: "#1f6f5c",
  grid: "#e3e6eb",
  axis: "#5d6878",
} as const;

export const AXIS_TICK = { fill: CHART_COLORS.axis, fontSize: 12 } as const;
