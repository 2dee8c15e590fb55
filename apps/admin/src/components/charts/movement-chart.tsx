import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { periodsBetween } from "../../lib/dates.ts";
import { formatCount, formatShortDay } from "../../lib/format.ts";
import { EmptyState } from "../empty-state.tsx";
import { AXIS_TICK, CHART_COLORS, ChartFrame } from "./chart-frame.tsx";

interface MovementPoint {
  period: string;
  inUnits: number;
  outUnits: number;
  writeOffUnits: number;
}

/** Units in, out (fulfilled) and written off per day or week; empty periods show as zero. */
export function MovementChart({ series, from, to, bucket }: { series: MovementPoint[]; from: string; to: string; bucket: "day" | "week" }) {
  const byPeriod = new Map(series.map((point) => [point.period, point]));
  const data = periodsBetween(from, to, bucket).map((period) => byPeriod.get(period) ?? { period, inUnits: 0, outUnits: 0, writeOffUnits: 0 });
  const totals = series.reduce((sum, point) => ({ in: sum.in + point.inUnits, out: sum.out + point.outUnits, writeOff: sum.writeOff + point.writeOffUnits }), {
    in: 0,
    out: 0,
    writeOff: 0,
  });
  if (totals.in + totals.out + totals.writeOff === 0) return <EmptyState title="No stock movements in this period" />;
  const periodLabel = (period: string) => (bucket === "week" ? `w/c ${formatShortDay(period)}` : formatShortDay(period));

  return (
    <ChartFrame
      title="Stock movement"
      summary={`${formatCount(totals.in)} units in, ${formatCount(totals.out)} out to orders, ${formatCount(totals.writeOff)} written off, per ${bucket}.`}
    >
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 28, left: 8 }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis
            dataKey="period"
            tickFormatter={periodLabel}
            tick={AXIS_TICK}
            minTickGap={16}
            label={{ value: bucket === "week" ? "Week" : "Day", position: "insideBottom", offset: -16, fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <YAxis
            allowDecimals={false}
            tick={AXIS_TICK}
            width={56}
            label={{ value: "Units", angle: -90, position: "insideLeft", fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <Tooltip labelFormatter={(label) => periodLabel(String(label))} formatter={(value) => formatCount(Number(value))} />
          <Legend verticalAlign="top" height={32} itemSorter={null} />
          <Bar isAnimationActive={false} dataKey="inUnits" name="In" fill={CHART_COLORS.in} radius={[3, 3, 0, 0]} />
          <Bar isAnimationActive={false} dataKey="outUnits" name="Out (orders)" fill={CHART_COLORS.out} radius={[3, 3, 0, 0]} />
          <Bar isAnimationActive={false} dataKey="writeOffUnits" name="Written off" fill={CHART_COLORS.writeOff} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
