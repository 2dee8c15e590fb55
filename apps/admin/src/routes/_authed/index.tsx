import { listProductsInput, urlSearchSchema } from "@stockroom/contracts";
import { formatMoney, SearchBox } from "@stockroom/ui";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useCallback } from "react";
import { z } from "zod";
import { ExpiringSoon } from "../../components/expiring-soon.tsx";
import { LowStockWidget } from "../../components/low-stock-widget.tsx";
import { ProductsTable } from "../../components/products-table.tsx";
import { Section } from "../../components/section.tsx";
import { StatCard, StatGrid } from "../../components/stat-card.tsx";
import { formatCount, formatDateTime, formatDecimal, formatPercent } from "../../lib/format.ts";
import { IfCan } from "../../lib/permissions.tsx";
import { scopedProducerId } from "../../lib/producer-scope.ts";
import { loadQuery } from "../../lib/route-data.ts";
import { lowStockQuery } from "../../lib/shared-queries.ts";
import { isPlatformAdmin, type Staff } from "../../lib/staff.ts";
import type { Trpc } from "../../lib/trpc.ts";
import { useRouteQuery } from "../../lib/use-route-query.ts";

const searchSchema = urlSearchSchema(listProductsInput.pick({ search: true }).shape).extend({
  /** Low-stock widget filters. */
  alertCategory: z.string().trim().max(100).optional().catch(undefined),
  severity: z.enum(["out", "low"]).optional().catch(undefined),
});

type DashboardSearch = z.infer<typeof searchSchema> & { producerId?: string | undefined };

/** Producer staff are always scoped to their own producer by the server; only platform admins choose. */
function productsQuery(trpc: Trpc, me: Staff, { search, producerId }: DashboardSearch) {
  return trpc.products.list.queryOptions({ search: search || undefined, producerId: scopedProducerId(me, producerId), limit: 200 });
}

export const Route = createFileRoute("/_authed/")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => ({ search: search.search, producerId: search.producerId }),
  loader: async ({ context: { queryClient, trpc, me }, deps, cause }) => {
    const producerId = scopedProducerId(me, deps.producerId);
    await Promise.all([
      loadQuery(queryClient, cause, productsQuery(trpc, me, deps)),
      loadQuery(queryClient, cause, trpc.reports.dashboard.queryOptions({ producerId })),
      loadQuery(queryClient, cause, lowStockQuery(trpc, producerId)),
    ]);
  },
  head: () => ({ meta: [{ title: "Dashboard · Stockroom Admin" }] }),
  component: DashboardPage,
});

function DashboardPage() {
  const { me } = Route.useRouteContext();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();

  const onSearch = useCallback(
    (text: string) => void navigate({ search: (prev) => ({ ...prev, search: text.trim() || undefined }), replace: true }),
    [navigate],
  );

  return (
    <div className="page">
      <div className="page-heading">
        <h1>Dashboard</h1>
        <p className="muted">{isPlatformAdmin(me) && !search.producerId ? "Stock across every producer on the platform." : "Your stock at a glance."}</p>
      </div>
      <DashboardCards me={me} producerId={search.producerId} />
      <LowStockWidget
        producerId={scopedProducerId(me, search.producerId)}
        category={search.alertCategory}
        severity={search.severity}
        onFilter={(filters) => void navigate({ search: (prev) => ({ ...prev, ...filters }), replace: true, resetScroll: false })}
      />
      <ExpiringSoon producerId={scopedProducerId(me, search.producerId)} />
      <Section
        title="Products"
        description={isPlatformAdmin(me) ? "Every product on the platform, by producer." : "Your catalogue: prices, costs and stock rules."}
      >
        <div className="toolbar">
          <SearchBox label="Search products" placeholder="Search by name or SKU" value={search.search ?? ""} onSearch={onSearch} />
        </div>
        <ProductsSection me={me} search={search} />
      </Section>
    </div>
  );
}

function DashboardCards({ me, producerId }: { me: Staff; producerId: string | undefined }) {
  const { trpc } = Route.useRouteContext();
  const { data } = useRouteQuery(trpc.reports.dashboard.queryOptions({ producerId: scopedProducerId(me, producerId) }));
  return (
    <StatGrid label="Stock summary">
      <StatCard label="Total products" value={formatCount(data.products)} detail="in the catalogue" />
      <StatCard label="Low stock" value={formatCount(data.lowStock)} detail="below their minimum" tone={data.lowStock > 0 ? "warning" : undefined} />
      <StatCard label="Out of stock" value={formatCount(data.outOfStock)} detail="none available" tone={data.outOfStock > 0 ? "danger" : undefined} />
      <StatCard label="Average stock level" value={formatDecimal(data.averageStockLevel)} detail="units available per tracked product" />
      {data.stockValueCents === null ? null : <StatCard label="Stock value" value={formatMoney(data.stockValueCents)} detail="on hand, at cost" />}
      <IfCan permission="stock.count">
        <AccuracyCard me={me} producerId={producerId} />
      </IfCan>
    </StatGrid>
  );
}

/** The latest approved count's accuracy (lots that matched the system), against the 98 % goal. */
function AccuracyCard({ me, producerId }: { me: Staff; producerId: string | undefined }) {
  const { trpc } = Route.useRouteContext();
  const { data } = useQuery(trpc.counts.list.queryOptions({ producerId: scopedProducerId(me, producerId), status: "APPROVED", limit: 1 }));
  const latest = data?.[0];
  if (!latest || latest.accuracyRate === null) return null;
  return (
    <StatCard
      label="Stock accuracy"
      value={formatPercent(latest.accuracyRate)}
      detail={`last count, ${formatDateTime(latest.closedAt ?? latest.startedAt)}`}
      tone={latest.accuracyRate < 0.98 ? "warning" : undefined}
    />
  );
}

function ProductsSection({ me, search }: { me: Staff; search: DashboardSearch }) {
  const { trpc } = Route.useRouteContext();
  const { data: products, isUpdating } = useRouteQuery(productsQuery(trpc, me, search));
  const showProducer = isPlatformAdmin(me) && !search.producerId;

  return (
    <section aria-labelledby="products-count" aria-busy={isUpdating}>
      <p id="products-count" className="result-count">
        {products.length === 1 ? "1 product" : `${products.length} products`}
        {search.search ? ` matching “${search.search}”` : null}
        {!showProducer && products[0] ? ` · ${products[0].producerName}` : null}
      </p>
      {products.length === 0 ? (
        <div className="empty-state">
          <h2>No products found</h2>
          <p className="muted">{search.search ? "Try a different name or SKU." : "This producer has no products yet."}</p>
        </div>
      ) : (
        <ProductsTable products={products} showProducer={showProducer} />
      )}
    </section>
  );
}
