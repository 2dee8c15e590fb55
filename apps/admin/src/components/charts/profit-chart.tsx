import { formatMoney } from "@stockroom/ui";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, CHART_COLORS, ChartFrame } from "./chart-frame.tsx";

const compactMoney = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", notation: "compact", maximumFractionDigits: 1 });

interface CategoryProfit {
  category: string;
  revenueCents: number;
  costCents: number;
  marginCents: number;
}

/** Revenue, cost and margin of fulfilled orders, per category (in pounds on the axis, exact in the tooltip). */
export function ProfitChart({ categories }: { categories: CategoryProfit[] }) {
  const revenue = categories.reduce((sum, c) => sum + c.revenueCents, 0);
  const margin = categories.reduce((sum, c) => sum + c.marginCents, 0);
  return (
    <ChartFrame
      title="Profitability by category"
      summary={`${formatMoney(revenue)} revenue and ${formatMoney(margin)} margin across ${categories.length === 1 ? "1 category" : `${categories.length} categories`}.`}
    >
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={categories} margin={{ top: 8, right: 8, bottom: 28, left: 8 }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis
            dataKey="category"
            tick={AXIS_TICK}
            interval={0}
            label={{ value: "Category", position: "insideBottom", offset: -16, fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <YAxis
            tick={AXIS_TICK}
            width={64}
            tickFormatter={(cents: number) => compactMoney.format(cents / 100)}
            label={{ value: "Amount (£)", angle: -90, position: "insideLeft", fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <Tooltip formatter={(value) => formatMoney(Number(value))} />
          <Legend verticalAlign="top" height={32} itemSorter={null} />
          <Bar isAnimationActive={false} dataKey="revenueCents" name="Revenue" fill={CHART_COLORS.revenue} radius={[3, 3, 0, 0]} />
          <Bar isAnimationActive={false} dataKey="costCents" name="Cost" fill={CHART_COLORS.cost} radius={[3, 3, 0, 0]} />
          <Bar isAnimationActive={false} dataKey="marginCents" name="Margin" fill={CHART_COLORS.margin} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
