import { errorMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { Badge } from "../../components/badges.tsx";
import { column } from "../../components/data-table/columns.tsx";
import { DataTable } from "../../components/data-table/data-table.tsx";
import { Section } from "../../components/section.tsx";
import { DeliveryLog } from "../../components/webhooks/delivery-log.tsx";
import { EndpointForm, type WebhookEndpoint } from "../../components/webhooks/endpoint-form.tsx";
import { EndpointSecret } from "../../components/webhooks/endpoint-secret.tsx";
import { actingProducerId, scopedProducerId } from "../../lib/producer-scope.ts";
import { loadQuery } from "../../lib/route-data.ts";
import type { Staff } from "../../lib/staff.ts";
import type { Trpc } from "../../lib/trpc.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { useRouteQuery } from "../../lib/use-route-query.ts";

const searchSchema = z.object({ endpointId: z.uuid().optional().catch(undefined) });
const endpointsQuery = (trpc: Trpc, me: Staff, producerId: string | undefined) =>
  trpc.webhooks.list.queryOptions({ producerId: scopedProducerId(me, producerId) });

export const Route = createFileRoute("/_authed/webhooks")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => ({ producerId: (search as { producerId?: string }).producerId }),
  loader: ({ context: { queryClient, trpc, me }, deps, cause }) => loadQuery(queryClient, cause, endpointsQuery(trpc, me, deps.producerId)),
  head: () => ({ meta: [{ title: "Webhooks · Stockroom Admin" }] }),
  component: WebhooksPage,
});

function WebhooksPage() {
  const { me, trpc } = Route.useRouteContext();
  const search = Route.useSearch() as { endpointId?: string; producerId?: string };
  const { data: endpoints, isUpdating } = useRouteQuery(endpointsQuery(trpc, me, search.producerId));
  const [editing, setEditing] = useState<string | null>(null);
  const selected = endpoints.find((e) => e.id === search.endpointId);
  const columns = [
    column<WebhookEndpoint>(
      "Endpoint",
      (e) => (
        <div className="webhook-endpoint">
          <Link to="/webhooks" search={(prev) => ({ ...prev, endpointId: e.id })} className="webhook-url">
            {e.url}
          </Link>
          {e.description ? <div className="muted small">{e.description}</div> : null}
        </div>
      ),
      { className: "cell-title" },
    ),
    column<WebhookEndpoint>("Events", (e) => (
      <span className="webhook-event-list">
        {e.eventTypes.map((type) => (
          <span key={type}>{type}</span>
        ))}
      </span>
    )),
    column<WebhookEndpoint>("State", (e) =>
      e.isEnabled ? (
        <Badge tone="success">On</Badge>
      ) : (
        <div>
          <Badge tone="danger">Off</Badge>
          {e.disabledReason ? <div className="muted small">{e.disabledReason}</div> : null}
        </div>
      ),
    ),
    column<WebhookEndpoint>("Actions", (e) => <EndpointActions endpoint={e} onEdit={() => setEditing(e.id)} />, {
      className: "cell-actions",
      isHeaderHidden: true,
      isUnlabelled: true,
    }),
  ];
  const editingEndpoint = endpoints.find((e) => e.id === editing);
  const producerId = actingProducerId(me, search.producerId);
  return (
    <div className="page">
      <div className="page-heading">
        <h1>Webhooks</h1>
        <p className="muted">
          Stockroom POSTs signed JSON (Standard Webhooks) to these URLs when stock, holds, orders, lots or purchase orders change; a failed delivery is retried
          for about 18 hours.
        </p>
      </div>
      <Section title="Endpoints" isBusy={isUpdating}>
        <DataTable
          data={endpoints}
          columns={columns}
          getRowId={(e) => e.id}
          className="data-table webhooks-table"
          empty={{ title: "No endpoints yet", children: "Add one below to start receiving events." }}
        />
      </Section>
      {editingEndpoint ? <EndpointForm key={editingEndpoint.id} endpoint={editingEndpoint} onDone={() => setEditing(null)} /> : null}
      {selected ? <EndpointDetail endpoint={selected} /> : null}
      {!editingEndpoint && producerId ? <EndpointForm producerId={scopedProducerId(me, search.producerId)} /> : null}
    </div>
  );
}

function EndpointActions({ endpoint, onEdit }: { endpoint: WebhookEndpoint; onEdit: () => void }) {
  const { trpc, queryClient } = useAppContext();
  const refresh = () => queryClient.invalidateQueries(trpc.webhooks.pathFilter());
  const setEnabled = useMutation(trpc.webhooks.setEnabled.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.webhooks.delete.mutationOptions({ onSuccess: refresh }));
  const failure = setEnabled.error ?? remove.error;
  return (
    <div className="row-actions">
      <button type="button" className="button button-secondary button-small" onClick={onEdit}>
        Edit
      </button>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => setEnabled.mutate({ endpointId: endpoint.id, isEnabled: !endpoint.isEnabled })}
      >
        {endpoint.isEnabled ? "Switch off" : "Switch on"}
      </button>
      <button
        type="button"
        className="button button-danger-outline button-small"
        onClick={() => {
          if (window.confirm(`Delete the endpoint ${endpoint.url} and its delivery log?`)) remove.mutate({ endpointId: endpoint.id });
        }}
      >
        Delete
      </button>
      {failure ? (
        <span className="field-error" role="alert">
          {errorMessage(failure)}
        </span>
      ) : null}
    </div>
  );
}

function EndpointDetail({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { trpc, queryClient } = useAppContext();
  const { data: deliveries, isUpdating } = useRouteQuery({ ...trpc.webhooks.deliveries.queryOptions({ endpointId: endpoint.id }), refetchInterval: 5_000 });
  const [sent, setSent] = useState<string | null>(null);
  const sendTest = useMutation(
    trpc.webhooks.sendTest.mutationOptions({
      onSuccess: async () => {
        setSent("Test event queued.");
        await queryClient.invalidateQueries(trpc.webhooks.deliveries.pathFilter());
      },
    }),
  );
  return (
    <Section
      title="Deliveries"
      description={<span className="webhook-url">{endpoint.url}</span>}
      isBusy={isUpdating}
      actions={
        <button type="button" className="button button-small" disabled={sendTest.isPending} onClick={() => sendTest.mutate({ endpointId: endpoint.id })}>
          Send test event
        </button>
      }
    >
      <EndpointSecret endpoint={endpoint} />
      <p className="form-success" role="status" aria-live="polite">
        {sent ?? (sendTest.error ? errorMessage(sendTest.error) : null)}
      </p>
      <DeliveryLog deliveries={deliveries} />
    </Section>
  );
}
