import { useMutation } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { Badge } from "../../components/badges.tsx";
import { CreateProducerForm } from "../../components/create-producer-form.tsx";
import { column } from "../../components/data-table/columns.tsx";
import { DataTable } from "../../components/data-table/data-table.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { Section } from "../../components/section.tsx";
import type { ApiOutputs } from "../../lib/api-types.ts";
import { formatDateTime } from "../../lib/format.ts";
import { loadQuery } from "../../lib/route-data.ts";
import { useRouteQuery } from "../../lib/use-route-query.ts";

type ProducerRow = ApiOutputs["producers"]["list"][number];

export const Route = createFileRoute("/_authed/producers")({
  loader: ({ context: { queryClient, trpc }, cause }) => loadQuery(queryClient, cause, trpc.producers.list.queryOptions()),
  head: () => ({ meta: [{ title: "Producers · Stockroom Admin" }] }),
  component: ProducersPage,
});

function ProducersPage() {
  const { trpc, queryClient } = Route.useRouteContext();
  const { data: producers, isUpdating } = useRouteQuery(trpc.producers.list.queryOptions());
  const refresh = { onSuccess: () => queryClient.invalidateQueries(trpc.producers.pathFilter()) };
  const suspend = useMutation(trpc.producers.suspend.mutationOptions(refresh));
  const reactivate = useMutation(trpc.producers.reactivate.mutationOptions(refresh));
  const error = suspend.error ?? reactivate.error;

  const columns = [
    column<ProducerRow>("Producer", (p) => p.name, { className: "cell-title", isRowHeader: true }),
    column<ProducerRow>("Slug", (p) => p.slug, { className: "muted" }),
    column<ProducerRow>("Status", (p) =>
      p.suspendedAt ? <Badge tone="danger">Suspended {formatDateTime(p.suspendedAt)}</Badge> : <Badge tone="success">Active</Badge>,
    ),
    column<ProducerRow>(
      "Actions",
      (p) =>
        p.suspendedAt ? (
          <button type="button" className="button button-secondary button-small" onClick={() => reactivate.mutate({ producerId: p.id })}>
            Reactivate
          </button>
        ) : (
          <button type="button" className="button button-danger button-small" onClick={() => suspend.mutate({ producerId: p.id })}>
            Suspend
          </button>
        ),
      { isHeaderHidden: true },
    ),
  ];

  return (
    <div className="page">
      <div className="page-heading">
        <h1>Producers</h1>
        <p className="muted">Suspending a producer signs its staff out and keeps them out until it is reactivated.</p>
      </div>
      <Section title="All producers" isBusy={isUpdating}>
        <ErrorBanner error={error} />
        <DataTable
          data={producers}
          columns={columns}
          getRowId={(p) => p.id}
          className="data-table producers-table"
          empty={{ title: "No producers", children: "Create one below." }}
        />
      </Section>
      <Section title="New producer" description="Creates it with one sellable location and emails its first admin an invitation.">
        <CreateProducerForm />
      </Section>
    </div>
  );
}
