import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatShortDay } from "../../lib/format.ts";
import { EmptyState } from "../empty-state.tsx";
import { AXIS_TICK, CHART_COLORS, ChartFrame } from "./chart-frame.tsx";

/** Open low-stock alerts at the end of each day. */
export function LowStockTrendChart({ trend }: { trend: { day: string; open: number }[] }) {
  if (trend.length === 0) return <EmptyState title="No days in this period" />;
  const peak = Math.max(...trend.map((point) => point.open));
  const last = trend.at(-1)?.open ?? 0;
  return (
    <ChartFrame title="Low-stock trend" summary={`${formatCount(last)} alerts open at the end of the period; at most ${formatCount(peak)} on one day.`}>
      <ResponsiveContainer width="100%" height={260}>
        <AreaChart data={trend} margin={{ top: 8, right: 8, bottom: 28, left: 8 }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis
            dataKey="day"
            tickFormatter={formatShortDay}
            tick={AXIS_TICK}
            minTickGap={16}
            label={{ value: "Day", position: "insideBottom", offset: -16, fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <YAxis
            allowDecimals={false}
            tick={AXIS_TICK}
            width={56}
            label={{ value: "Open alerts", angle: -90, position: "insideLeft", fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <Tooltip labelFormatter={(label) => formatShortDay(String(label))} formatter={(value) => formatCount(Number(value))} />
          <Legend verticalAlign="top" height={32} itemSorter={null} />
          <Area
            isAnimationActive={false}
            type="linear"
            dataKey="open"
            name="Open low-stock alerts"
            stroke={CHART_COLORS.open}
            fill={CHART_COLORS.open}
            fillOpacity={0.15}
            strokeWidth={2}
          />
        </AreaChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
