import { ANALYTICS_BUCKETS, type AnalyticsBucket } from "@stockroom/contracts";
import { formatMoney } from "@stockroom/ui";
import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { ProfitTable, RestockTable } from "../../components/analytics-tables.tsx";
import { CountAccuracyChart } from "../../components/charts/count-accuracy-chart.tsx";
import { LowStockTrendChart } from "../../components/charts/low-stock-trend-chart.tsx";
import { MovementChart } from "../../components/charts/movement-chart.tsx";
import { ProfitChart } from "../../components/charts/profit-chart.tsx";
import { DateRange } from "../../components/date-range.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { Section } from "../../components/section.tsx";
import { StatCard, StatGrid } from "../../components/stat-card.tsx";
import { isoDay, resolveRange } from "../../lib/dates.ts";
import { formatCost, formatCount, formatPercent } from "../../lib/format.ts";
import { IfCan, useCan } from "../../lib/permissions.tsx";
import { scopedProducerId } from "../../lib/producer-scope.ts";
import { loadQuery } from "../../lib/route-data.ts";
import type { Staff } from "../../lib/staff.ts";
import type { Trpc } from "../../lib/trpc.ts";
import { useRouteQuery } from "../../lib/use-route-query.ts";

const searchSchema = z.object({
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  bucket: z.enum(ANALYTICS_BUCKETS).optional().catch(undefined),
});

interface AnalyticsDeps {
  producerId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  bucket?: AnalyticsBucket | undefined;
}

function queries(trpc: Trpc, me: Staff, deps: AnalyticsDeps) {
  const producerId = scopedProducerId(me, deps.producerId);
  const range = { producerId, ...resolveRange(deps) };
  return {
    series: trpc.reports.movementSeries.queryOptions({ ...range, bucket: deps.bucket ?? "day" }),
    trend: trpc.reports.lowStockTrend.queryOptions(range),
    accuracy: trpc.counts.accuracyTrend.queryOptions(range),
    restock: trpc.reports.restock.queryOptions({ producerId }),
    profit: trpc.reports.profitability.queryOptions(range),
    summary: trpc.reports.dashboard.queryOptions({ producerId }),
  };
}

export const Route = createFileRoute("/_authed/analytics")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => ({ producerId: search.producerId, from: search.from, to: search.to, bucket: search.bucket }),
  loader: async ({ context: { queryClient, trpc, me }, deps, cause }) => {
    const q = queries(trpc, me, deps);
    await Promise.all([
      loadQuery(queryClient, cause, q.series),
      loadQuery(queryClient, cause, q.trend),
      loadQuery(queryClient, cause, q.accuracy),
      loadQuery(queryClient, cause, q.restock),
      me.permissions.includes("costs.view") ? loadQuery(queryClient, cause, q.profit) : null,
      loadQuery(queryClient, cause, q.summary),
    ]);
  },
  head: () => ({ meta: [{ title: "Analytics · Stockroom Admin" }] }),
  component: AnalyticsPage,
});

function AnalyticsPage() {
  const { me, trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { from, to } = resolveRange(search);
  const bucket = search.bucket ?? "day";
  const q = queries(trpc, me, search);
  const { data: series, isUpdating: isSeriesUpdating } = useRouteQuery(q.series);
  const { data: trend, isUpdating: isTrendUpdating } = useRouteQuery(q.trend);
  const can = useCan();

  return (
    <div className="page">
      <div className="page-heading">
        <h1>Analytics</h1>
        <p className="muted">Stock flow, low-stock history, what to reorder, and what the stock earns.</p>
      </div>
      <div className="toolbar">
        <DateRange from={from} to={to} onChange={(range) => void navigate({ search: (prev) => ({ ...prev, ...range }), replace: true, resetScroll: false })} />
      </div>
      <div className="analytics-grid">
        <Section
          title="Stock movement"
          description="Units received or added, sent out to orders, and written off."
          className="span-2"
          isBusy={isSeriesUpdating}
          actions={
            <fieldset className="segmented">
              <legend className="visually-hidden">Group by</legend>
              {(["day", "week"] as const).map((value) => (
                <button
                  key={value}
                  type="button"
                  className={value === bucket ? "chip chip-active" : "chip"}
                  aria-pressed={value === bucket}
                  onClick={() =>
                    void navigate({ search: (prev) => ({ ...prev, bucket: value === "day" ? undefined : value }), replace: true, resetScroll: false })
                  }
                >
                  By {value}
                </button>
              ))}
            </fieldset>
          }
        >
          <MovementChart series={series} from={from} to={to} bucket={bucket} />
        </Section>
        <Section
          title="Low-stock trend"
          description="Alerts open at the end of each day."
          isBusy={isTrendUpdating}
          // Full width when the valuation beside it is not shown to this role.
          className={can("costs.view") ? undefined : "span-2"}
        >
          <LowStockTrendChart trend={trend} />
        </Section>
        <IfCan permission="costs.view">
          <ValuationCards />
        </IfCan>
        <CountAccuracy />
      </div>
      <IfCan permission="costs.view">
        <Profitability />
      </IfCan>
      <Restock />
    </div>
  );
}

function CountAccuracy() {
  const { me, trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const { data, isUpdating } = useRouteQuery(queries(trpc, me, search).accuracy);
  return (
    <Section title="Stock accuracy" description="Approved counts: the share of counted lots that matched the system." className="span-2" isBusy={isUpdating}>
      <CountAccuracyChart trend={data} />
    </Section>
  );
}

function ValuationCards() {
  const { me, trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const q = queries(trpc, me, search);
  const { data: summary, isUpdating: isSummaryUpdating } = useRouteQuery(q.summary);
  const { data: profit, isUpdating: isProfitUpdating } = useRouteQuery(q.profit);
  const revenue = profit.products.reduce((sum, p) => sum + p.revenueCents, 0);
  const cost = profit.products.reduce((sum, p) => sum + p.costCents, 0);
  return (
    <Section title="Valuation" description="Stock on hand now, and what sold in the period." isBusy={isSummaryUpdating || isProfitUpdating}>
      <StatGrid label="Valuation">
        <StatCard label="Stock value at cost" value={formatCost(summary.stockValueCents)} detail={`${formatCount(summary.products)} products`} />
        <StatCard label="Revenue" value={formatMoney(revenue)} detail="fulfilled orders" />
        <StatCard label="Cost of goods sold" value={formatMoney(cost)} detail="at lot cost" />
        <StatCard label="Margin" value={formatMoney(revenue - cost)} detail={revenue ? formatPercent((revenue - cost) / revenue) : "no sales"} />
      </StatGrid>
    </Section>
  );
}

function Profitability() {
  const { me, trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const { data, isUpdating } = useRouteQuery(queries(trpc, me, search).profit);
  return (
    <Section
      isBusy={isUpdating}
      title="Profitability"
      description="Revenue, cost and margin of stock that left on orders in the period, by category and by product."
    >
      {data.products.length === 0 ? (
        <EmptyState title="Nothing was sold in this period">Margins appear once orders are dispatched or delivered.</EmptyState>
      ) : (
        <>
          <ProfitChart categories={data.categories} />
          <ProfitTable products={data.products} />
        </>
      )}
    </Section>
  );
}

function Restock() {
  const { me, trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const { data: rows, isUpdating } = useRouteQuery(queries(trpc, me, search).restock);
  return (
    <Section
      isBusy={isUpdating}
      title="Restock recommendations"
      description="Reorder point = daily sales (last 30 days) × lead time + safety stock. Suggested quantity covers the reorder point plus 30 days of sales."
    >
      {rows.length === 0 ? (
        <EmptyState title="Nothing needs reordering">Every tracked product is above its reorder point at its current rate of sale.</EmptyState>
      ) : (
        <RestockTable rows={rows} />
      )}
    </Section>
  );
}
