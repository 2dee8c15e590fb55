import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ApiOutputs } from "../../lib/api-types.ts";
import { formatPercent, formatShortDay } from "../../lib/format.ts";
import { EmptyState } from "../empty-state.tsx";
import { AXIS_TICK, CHART_COLORS, ChartFrame } from "./chart-frame.tsx";

type Point = ApiOutputs["counts"]["accuracyTrend"][number];

/** Stock accuracy of the counts approved each day: lots that matched the system / lots counted. */
export function CountAccuracyChart({ trend }: { trend: Point[] }) {
  const points = trend.filter((p) => p.accuracyRate !== null);
  if (points.length === 0) return <EmptyState title="No counts approved in this period">Accuracy appears once a count is approved.</EmptyState>;
  const counted = points.reduce((sum, p) => sum + p.countedLots, 0);
  const matched = points.reduce((sum, p) => sum + p.matchedLots, 0);
  return (
    <ChartFrame
      title="Stock accuracy"
      summary={`${formatPercent(matched / counted)} of ${counted} counted lots matched the system over ${points.length} days with an approved count; the goal is 98 %.`}
    >
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 28, left: 8 }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis
            dataKey="day"
            tickFormatter={formatShortDay}
            tick={AXIS_TICK}
            minTickGap={16}
            label={{ value: "Day approved", position: "insideBottom", offset: -16, fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <YAxis
            domain={[0, 1]}
            tickFormatter={(value: number) => formatPercent(value)}
            tick={AXIS_TICK}
            width={56}
            label={{ value: "Accuracy", angle: -90, position: "insideLeft", fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <Tooltip labelFormatter={(label) => formatShortDay(String(label))} formatter={(value) => formatPercent(Number(value))} />
          <Legend verticalAlign="top" height={32} />
          <Line isAnimationActive={false} type="linear" dataKey="accuracyRate" name="Lots that matched" stroke={CHART_COLORS.in} strokeWidth={2} dot />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
