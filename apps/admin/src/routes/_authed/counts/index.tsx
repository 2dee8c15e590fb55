import { createFileRoute } from "@tanstack/react-router";
import { CountsTable } from "../../../components/counts/counts-table.tsx";
import { StartCountForm } from "../../../components/counts/start-count-form.tsx";
import { column } from "../../../components/data-table/columns.tsx";
import { DataTable } from "../../../components/data-table/data-table.tsx";
import { Section } from "../../../components/section.tsx";
import type { ApiOutputs } from "../../../lib/api-types.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { IfCan } from "../../../lib/permissions.tsx";
import { actingProducerId, scopedProducerId } from "../../../lib/producer-scope.ts";
import { loadQuery } from "../../../lib/route-data.ts";
import type { Staff } from "../../../lib/staff.ts";
import type { Trpc } from "../../../lib/trpc.ts";
import { useRouteQuery } from "../../../lib/use-route-query.ts";

type DueProduct = ApiOutputs["counts"]["due"][number];

function queries(trpc: Trpc, me: Staff, producerId: string | undefined) {
  const scoped = scopedProducerId(me, producerId);
  return {
    counts: trpc.counts.list.queryOptions({ producerId: scoped }),
    due: trpc.counts.due.queryOptions({ producerId: scoped }),
    locations: trpc.locations.list.queryOptions({ producerId: scoped }),
    categories: trpc.products.categories.queryOptions({ producerId: scoped }),
  };
}

export const Route = createFileRoute("/_authed/counts/")({
  loaderDeps: ({ search }) => ({ producerId: search.producerId }),
  loader: ({ context: { queryClient, trpc, me }, deps, cause }) =>
    Promise.all(Object.values(queries(trpc, me, deps.producerId)).map((options) => loadQuery(queryClient, cause, options as never))),
  head: () => ({ meta: [{ title: "Counts · Stockroom Admin" }] }),
  component: CountsPage,
});

function CountsPage() {
  const { me, trpc } = Route.useRouteContext();
  const { producerId } = Route.useSearch();
  const q = queries(trpc, me, producerId);
  const { data: counts, isUpdating } = useRouteQuery(q.counts);
  const { data: due } = useRouteQuery(q.due);
  const { data: locations } = useRouteQuery(q.locations);
  const { data: categories } = useRouteQuery(q.categories);
  const locationName = (id: string) => locations.find((l) => l.id === id)?.name;
  const acting = actingProducerId(me, producerId);
  const dueColumns = [
    column<DueProduct>("Product", (p) => `${p.name} (${p.sku})`, { className: "cell-title", isRowHeader: true }),
    column<DueProduct>("Category", (p) => p.category),
    column<DueProduct>("Last counted", (p) => (p.lastCountedAt ? formatDateTime(p.lastCountedAt) : "Never")),
    column<DueProduct>("Every", (p) => `${p.countEveryDays} days`, { numeric: true }),
  ];
  return (
    <div className="page">
      <div className="page-heading">
        <h1>Counts</h1>
        <p className="muted">Stocktakes: count what is on the shelves, review the differences, approve them into the ledger.</p>
      </div>
      <Section title="Counts" description="Newest first. Open one to count on your phone." isBusy={isUpdating}>
        <CountsTable counts={counts} locationName={locationName} />
      </Section>
      <IfCan permission="counts.manage">
        <Section title="Start a count" description={acting ? "Every lot in scope that holds stock is snapshotted now." : "Choose a producer first."}>
          {acting ? <StartCountForm producerId={scopedProducerId(me, producerId)} locations={locations} categories={categories} /> : null}
        </Section>
      </IfCan>
      <Section title="Due for count" description="Products whose last count is older than their interval.">
        <DataTable
          data={due}
          columns={dueColumns}
          getRowId={(p) => p.productId}
          className="data-table due-table"
          label="Due for count"
          empty={{ title: "Nothing is due", children: "Every product was counted within its interval." }}
        />
      </Section>
    </div>
  );
}
