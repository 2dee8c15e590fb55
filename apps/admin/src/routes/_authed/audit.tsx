import { AUDIT_ACTIONS, type AuditAction, listAuditShape, urlSearchSchema } from "@stockroom/contracts";
import { createFileRoute } from "@tanstack/react-router";
import { AUDIT_LABELS, AuditTable } from "../../components/audit-table.tsx";
import { SelectFilter } from "../../components/select-filter.tsx";
import { formatCount } from "../../lib/format.ts";
import { scopedProducerId } from "../../lib/producer-scope.ts";
import { loadInfiniteQuery } from "../../lib/route-data.ts";
import { isPlatformAdmin, type Staff } from "../../lib/staff.ts";
import type { Trpc } from "../../lib/trpc.ts";
import { useRouteInfiniteQuery } from "../../lib/use-route-query.ts";

const searchSchema = urlSearchSchema({
  action: listAuditShape.action,
  actorEmail: listAuditShape.actorEmail,
  from: listAuditShape.from,
  to: listAuditShape.to,
});
type Filters = {
  producerId?: string | undefined;
  action?: AuditAction | undefined;
  actorEmail?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

function auditQuery(trpc: Trpc, me: Staff, search: Filters) {
  // A hand-edited range that runs backwards is read the right way round.
  const [from, to] = search.from && search.to && search.from > search.to ? [search.to, search.from] : [search.from, search.to];
  return trpc.audit.list.infiniteQueryOptions(
    { producerId: scopedProducerId(me, search.producerId), action: search.action, actorEmail: search.actorEmail || undefined, from, to, limit: 50 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
}

export const Route = createFileRoute("/_authed/audit")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => ({ producerId: search.producerId, action: search.action, actorEmail: search.actorEmail, from: search.from, to: search.to }),
  loader: ({ context: { queryClient, trpc, me }, deps, cause }) => loadInfiniteQuery(queryClient, cause, auditQuery(trpc, me, deps)),
  head: () => ({ meta: [{ title: "Audit log · Stockroom Admin" }] }),
  component: AuditPage,
});

function AuditPage() {
  const { me, trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, isUpdating } = useRouteInfiniteQuery(auditQuery(trpc, me, search));
  const events = data.pages.flatMap((page) => page.items);
  const setFilter = (patch: Partial<Filters>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true, resetScroll: false });

  return (
    <div className="page">
      <div className="page-heading">
        <h1>Audit log</h1>
        <p className="muted">Sign-ins, staff and role changes, settings and keys: who did what, newest first.</p>
      </div>
      <div className="toolbar">
        <SelectFilter
          label="Action"
          allLabel="All actions"
          value={search.action}
          options={AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_LABELS[value] ?? value }))}
          onChange={(action) => setFilter({ action })}
        />
        <div className="filter">
          <label htmlFor="audit-actor">Who (email)</label>
          <input
            id="audit-actor"
            type="search"
            defaultValue={search.actorEmail ?? ""}
            placeholder="name@example.com"
            onChange={(event) => setFilter({ actorEmail: event.target.value.trim() || undefined })}
          />
        </div>
        <div className="filter">
          <label htmlFor="audit-from">From</label>
          <input
            id="audit-from"
            type="date"
            value={search.from ?? ""}
            max={search.to}
            onChange={(event) => setFilter({ from: event.target.value || undefined })}
          />
        </div>
        <div className="filter">
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" type="date" value={search.to ?? ""} min={search.from} onChange={(event) => setFilter({ to: event.target.value || undefined })} />
        </div>
      </div>
      <section aria-label="Audit events" aria-busy={isUpdating} className="results">
        <AuditTable events={events} showProducer={isPlatformAdmin(me) && !search.producerId} />
        <div className="load-more">
          {hasNextPage ? (
            <button type="button" className="button button-secondary" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
              {isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          ) : (
            <p className="muted small">{events.length === 1 ? "1 event" : `${formatCount(events.length)} events`}, all shown.</p>
          )}
        </div>
      </section>
    </div>
  );
}
