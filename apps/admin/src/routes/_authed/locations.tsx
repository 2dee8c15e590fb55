import { createLocationInput } from "@stockroom/contracts";
import { errorMessage, FormField } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { CollectionPointToggle } from "../../components/collection-point-toggle.tsx";
import { column } from "../../components/data-table/columns.tsx";
import { DataTable } from "../../components/data-table/data-table.tsx";
import { FormActions, FormAlert } from "../../components/form-parts.tsx";
import { Section } from "../../components/section.tsx";
import type { StockLocation } from "../../lib/api-types.ts";
import { useCan } from "../../lib/permissions.tsx";
import { actingProducerId, scopedProducerId } from "../../lib/producer-scope.ts";
import { loadQuery } from "../../lib/route-data.ts";
import type { Staff } from "../../lib/staff.ts";
import type { Trpc } from "../../lib/trpc.ts";
import { useApiForm } from "../../lib/use-api-form.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { useRouteQuery } from "../../lib/use-route-query.ts";

const locationsQuery = (trpc: Trpc, me: Staff, producerId: string | undefined) =>
  trpc.locations.list.queryOptions({ producerId: scopedProducerId(me, producerId), includeArchived: true });

export const Route = createFileRoute("/_authed/locations")({
  loaderDeps: ({ search }) => ({ producerId: search.producerId }),
  loader: ({ context: { queryClient, trpc, me }, deps, cause }) => loadQuery(queryClient, cause, locationsQuery(trpc, me, deps.producerId)),
  head: () => ({ meta: [{ title: "Locations · Stockroom Admin" }] }),
  component: LocationsPage,
});

function LocationsPage() {
  const { me, trpc } = Route.useRouteContext();
  const { producerId } = Route.useSearch();
  const { data: locations, isUpdating } = useRouteQuery(locationsQuery(trpc, me, producerId));
  const canEdit = useCan()("catalog.edit");
  const columns = [
    column<StockLocation>("Name", (location) => (canEdit && !location.archivedAt ? <RenameLocation location={location} /> : location.name), {
      className: "cell-title",
    }),
    column<StockLocation>("Sells from here", (location) => (location.isQuarantine ? "Never (quarantine)" : location.isSellable ? "Sellable" : "Not sellable")),
    column<StockLocation>("Collection", (location) => <CollectionPointToggle location={location} canEdit={canEdit} />),
    column<StockLocation>("State", (location) => (location.archivedAt ? <span className="badge">Archived</span> : "In use")),
    ...(canEdit
      ? [
          column<StockLocation>("Actions", (location) => <LocationActions location={location} />, {
            className: "cell-actions",
            isHeaderHidden: true,
            isUnlabelled: true,
          }),
        ]
      : []),
  ];
  return (
    <div className="page">
      <div className="page-heading">
        <h1>Locations</h1>
        <p className="muted">
          Where stock is kept. Only sellable locations supply the shop; customers may collect orders from collection points. A location can be archived once it
          is empty.
        </p>
      </div>
      <Section title="Locations" isBusy={isUpdating}>
        <DataTable data={locations} columns={columns} getRowId={(l) => l.id} className="data-table locations-table" empty={{ title: "No locations yet" }} />
      </Section>
      {canEdit && actingProducerId(me, producerId) ? <NewLocation producerId={scopedProducerId(me, producerId)} /> : null}
    </div>
  );
}

function useRefresh() {
  const { trpc, queryClient } = useAppContext();
  return () => Promise.all([queryClient.invalidateQueries(trpc.locations.pathFilter()), queryClient.invalidateQueries(trpc.reports.pathFilter())]);
}

function RenameLocation({ location }: { location: StockLocation }) {
  const { trpc } = useAppContext();
  const refresh = useRefresh();
  const [name, setName] = useState(location.name);
  const update = useMutation(trpc.locations.update.mutationOptions({ onSuccess: refresh }));
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() && name.trim() !== location.name) update.mutate({ locationId: location.id, name });
      }}
    >
      <input aria-label={`Name of ${location.name}`} value={name} onChange={(event) => setName(event.target.value)} maxLength={100} />
      <button type="submit" className="button button-secondary button-small" disabled={update.isPending || name.trim() === location.name}>
        Rename
      </button>
      {update.error ? <span className="field-error">{errorMessage(update.error)}</span> : null}
    </form>
  );
}

function LocationActions({ location }: { location: StockLocation }) {
  const { trpc } = useAppContext();
  const refresh = useRefresh();
  const update = useMutation(trpc.locations.update.mutationOptions({ onSuccess: refresh }));
  const archive = useMutation(trpc.locations.archive.mutationOptions({ onSuccess: refresh }));
  const restore = useMutation(trpc.locations.restore.mutationOptions({ onSuccess: refresh }));
  const failure = update.error ?? archive.error ?? restore.error;
  return (
    <div className="row-actions">
      {location.archivedAt ? (
        <button type="button" className="button button-secondary button-small" onClick={() => restore.mutate({ locationId: location.id })}>
          Restore
        </button>
      ) : (
        <>
          {location.isQuarantine ? null : (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => update.mutate({ locationId: location.id, isSellable: !location.isSellable })}
            >
              {location.isSellable ? "Stop selling" : "Make sellable"}
            </button>
          )}
          <button
            type="button"
            className="button button-danger-outline button-small"
            onClick={() => {
              if (window.confirm(`Archive ${location.name}? Only an empty location can be archived.`)) archive.mutate({ locationId: location.id });
            }}
          >
            Archive
          </button>
        </>
      )}
      {failure ? (
        <span className="field-error" role="alert">
          {errorMessage(failure)}
        </span>
      ) : null}
    </div>
  );
}

const newLocationSchema = createLocationInput.pick({ name: true, isSellable: true }).extend({ isSellable: z.boolean() });

function NewLocation({ producerId }: { producerId: string | undefined }) {
  const { trpc } = useAppContext();
  const refresh = useRefresh();
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation(trpc.locations.create.mutationOptions());
  const { form, message } = useApiForm({ schema: newLocationSchema, defaultValues: { name: "", isSellable: true }, serverError: create.error });
  const submit = form.handleSubmit((values) =>
    create.mutate(
      { ...values, producerId },
      {
        onSuccess: async (location) => {
          setDone(`Added ${location.name}.`);
          form.reset({ name: "", isSellable: true });
          await refresh();
        },
      },
    ),
  );
  return (
    <Section title="Add a location">
      <form className="stock-form" onSubmit={submit} noValidate aria-label="New location">
        <FormAlert message={message} />
        <div className="form-grid">
          <FormField form={form} name="name" label="Name">
            {(props) => <input {...props} autoComplete="off" />}
          </FormField>
          <div className="field field-checkbox">
            <label>
              <input type="checkbox" {...form.register("isSellable")} />
              The shop sells from here
            </label>
          </div>
        </div>
        <FormActions label="Add location" pendingLabel="Adding…" isPending={create.isPending} done={done} />
      </form>
    </Section>
  );
}
