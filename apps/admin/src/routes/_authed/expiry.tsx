import { errorMessage, formatMoney } from "@stockroom/ui";
import { createFileRoute } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { DateRange } from "../../components/date-range.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { BandsTable, ExpiringLotsTable, WasteTable } from "../../components/expiry-tables.tsx";
import { FormAlert } from "../../components/form-parts.tsx";
import { Section } from "../../components/section.tsx";
import { StatCard, StatGrid } from "../../components/stat-card.tsx";
import { isoDay, resolveRange } from "../../lib/dates.ts";
import { downloadText } from "../../lib/download.ts";
import { formatCount, formatDay, formatPercent, sumCosts } from "../../lib/format.ts";
import { scopedProducerId } from "../../lib/producer-scope.ts";
import { loadQuery } from "../../lib/route-data.ts";
import type { Staff } from "../../lib/staff.ts";
import type { Trpc } from "../../lib/trpc.ts";
import { useRouteQuery } from "../../lib/use-route-query.ts";

const searchSchema = z.object({
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
});

function reportInput(me: Staff, search: { producerId?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  return { producerId: scopedProducerId(me, search.producerId), ...resolveRange(search) };
}

function reportQuery(trpc: Trpc, me: Staff, search: { producerId?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  return trpc.reports.expiryWaste.queryOptions(reportInput(me, search));
}

export const Route = createFileRoute("/_authed/expiry")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => ({ producerId: search.producerId, from: search.from, to: search.to }),
  loader: ({ context: { queryClient, trpc, me }, deps, cause }) => loadQuery(queryClient, cause, reportQuery(trpc, me, deps)),
  head: () => ({ meta: [{ title: "Expiry & waste · Stockroom Admin" }] }),
  component: ExpiryPage,
});

function ExpiryPage() {
  const { me, trpc, queryClient } = Route.useRouteContext();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { from, to } = resolveRange(search);
  const { data: report, isUpdating } = useRouteQuery(reportQuery(trpc, me, search));
  const [isExporting, setIsExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  const exportCsv = async () => {
    setIsExporting(true);
    setExportError(null);
    try {
      const { filename, csv } = await queryClient.fetchQuery(trpc.reports.expiryWasteCsv.queryOptions(reportInput(me, search), { staleTime: 0 }));
      downloadText(filename, csv);
    } catch (error) {
      setExportError(error);
    } finally {
      setIsExporting(false);
    }
  };

  const atRisk = {
    lots: report.bands.reduce((sum, band) => sum + band.lots, 0),
    units: report.bands.reduce((sum, band) => sum + band.units, 0),
    valueCents: sumCosts(report.bands.map((band) => band.valueCents)),
  };
  const waste = { units: report.waste.reduce((sum, row) => sum + row.units, 0), costCents: sumCosts(report.waste.map((row) => row.costCents)) };

  return (
    <div className="page">
      <div className="page-heading page-heading-row">
        <div>
          <h1>Expiry &amp; waste</h1>
          <p className="muted">Stock that expires within 90 days, what was written off in the period, and why.</p>
        </div>
        <button type="button" className="button button-secondary" onClick={() => void exportCsv()} disabled={isExporting}>
          {isExporting ? "Preparing…" : "Export CSV"}
        </button>
      </div>
      <FormAlert message={exportError ? errorMessage(exportError) : null} />
      <div className="toolbar">
        <DateRange from={from} to={to} onChange={(range) => void navigate({ search: (prev) => ({ ...prev, ...range }), replace: true, resetScroll: false })} />
      </div>
      <div className="page-body" aria-busy={isUpdating}>
        <StatGrid label="Expiry and waste summary">
          <StatCard
            label="Expired waste rate"
            value={formatPercent(report.expiredWasteRate)}
            detail="of units that left stock in the period"
            tone={report.expiredWasteRate > 0.05 ? "warning" : undefined}
          />
          <StatCard label="Expiring within 90 days" value={formatCount(atRisk.units)} detail={`units in ${formatCount(atRisk.lots)} lots, expired included`} />
          {atRisk.valueCents === null ? null : <StatCard label="Value at risk" value={formatMoney(atRisk.valueCents)} detail="at cost" />}
          <StatCard
            label="Written off"
            value={waste.costCents === null ? `${formatCount(waste.units)} units` : formatMoney(waste.costCents)}
            detail={waste.costCents === null ? "in the period" : `${waste.units === 1 ? "1 unit" : `${formatCount(waste.units)} units`} in the period`}
          />
        </StatGrid>
        <div className="two-columns">
          <Section title="Lots by expiry band" description="Lots in stock now, by how soon they expire.">
            <BandsTable bands={report.bands} />
          </Section>
          <Section title="Waste by reason" description={`Written off from ${formatDay(from)} to ${formatDay(to)}.`}>
            {report.waste.length === 0 ? <EmptyState title="Nothing was written off in this period" /> : <WasteTable waste={report.waste} />}
          </Section>
        </div>
        <Section title="Lots expiring" description="Earliest first. Write off expired lots from the product's page.">
          {report.lots.length === 0 ? <EmptyState title="No lots expire within 90 days" /> : <ExpiringLotsTable lots={report.lots} />}
        </Section>
      </div>
    </div>
  );
}
