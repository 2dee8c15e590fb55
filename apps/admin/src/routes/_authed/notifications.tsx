import { DELIVERY_STATUSES, type DeliveryStatus, listNotificationsInput, urlSearchSchema } from "@stockroom/contracts";
import { createFileRoute } from "@tanstack/react-router";
import { AlertSettingsForm } from "../../components/alert-settings-form.tsx";
import { DELIVERY_LABELS, DeliveryStatusBadge } from "../../components/badges.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { Section } from "../../components/section.tsx";
import { SelectFilter } from "../../components/select-filter.tsx";
import { formatCount, formatDateTime } from "../../lib/format.ts";
import { actingProducerId, scopedProducerId } from "../../lib/producer-scope.ts";
import { loadInfiniteQuery, loadQuery } from "../../lib/route-data.ts";
import { isPlatformAdmin, type Staff } from "../../lib/staff.ts";
import type { Trpc } from "../../lib/trpc.ts";
import { useRouteInfiniteQuery, useRouteQuery } from "../../lib/use-route-query.ts";

const CHANNEL_LABELS = { EMAIL: "Email", SMS: "SMS", WHATSAPP: "WhatsApp" } as const;

const searchSchema = urlSearchSchema(listNotificationsInput.pick({ status: true }).shape);

function logQuery(trpc: Trpc, me: Staff, search: { producerId?: string | undefined; status?: DeliveryStatus | undefined }) {
  return trpc.alerts.notifications.infiniteQueryOptions(
    { producerId: scopedProducerId(me, search.producerId), status: search.status, limit: 50 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
}

export const Route = createFileRoute("/_authed/notifications")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => ({ producerId: search.producerId, status: search.status }),
  loader: async ({ context: { queryClient, trpc, me }, deps, cause }) => {
    const producerId = actingProducerId(me, deps.producerId);
    await Promise.all([
      loadInfiniteQuery(queryClient, cause, logQuery(trpc, me, deps)),
      producerId ? loadQuery(queryClient, cause, trpc.alerts.settings.queryOptions({ producerId })) : null,
    ]);
  },
  head: () => ({ meta: [{ title: "Notifications · Stockroom Admin" }] }),
  component: NotificationsPage,
});

function NotificationsPage() {
  const { me } = Route.useRouteContext();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const producerId = actingProducerId(me, search.producerId);

  return (
    <div className="page">
      <div className="page-heading">
        <h1>Notifications</h1>
        <p className="muted">Alerts sent about low stock and expiring lots, and who receives them.</p>
      </div>
      <div className="notifications-layout">
        <Section title="Delivery log" description="Newest first. Messages kept in the outbox (demo mode) show their full text." className="delivery-log">
          <div className="toolbar toolbar-compact">
            <SelectFilter
              label="Status"
              allLabel="Any status"
              value={search.status}
              options={DELIVERY_STATUSES.map((value) => ({ value, label: DELIVERY_LABELS[value] }))}
              onChange={(status) => void navigate({ search: (prev) => ({ ...prev, status }), replace: true, resetScroll: false })}
            />
          </div>
          <DeliveryLog />
        </Section>
        <Section
          title="Alert settings"
          description="Who hears about low stock, escalations and expiring lots, and when not to send."
          className="alert-settings"
        >
          {producerId ? (
            <SettingsLoader producerId={producerId} />
          ) : (
            <EmptyState title="Choose a producer">
              {isPlatformAdmin(me) ? "Alert settings belong to one producer: pick it in the header." : "Your account is not attached to a producer."}
            </EmptyState>
          )}
        </Section>
      </div>
    </div>
  );
}

function SettingsLoader({ producerId }: { producerId: string }) {
  const { trpc } = Route.useRouteContext();
  const { data } = useRouteQuery(trpc.alerts.settings.queryOptions({ producerId }));
  // Another producer starts the form again from its own values; after a save the form already shows them.
  return <AlertSettingsForm key={producerId} producerId={producerId} settings={data} />;
}

function DeliveryLog() {
  const { me, trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, isUpdating } = useRouteInfiniteQuery(logQuery(trpc, me, search));
  const items = data.pages.flatMap((page) => page.items);

  if (items.length === 0) {
    return (
      <EmptyState title="No notifications">
        {search.status ? "None have this status." : "Alerts appear here once stock runs low or lots near expiry."}
      </EmptyState>
    );
  }
  return (
    <div aria-busy={isUpdating}>
      <ul className="delivery-list" aria-label="Notifications">
        {items.map((item) => (
          <li key={item.id} className="delivery-item">
            <div className="delivery-head">
              <DeliveryStatusBadge status={item.status} />
              <span className="badge badge-neutral">{CHANNEL_LABELS[item.channel]}</span>
              <span className="delivery-recipient">{item.recipient}</span>
              <span className="muted small delivery-time">{formatDateTime(item.createdAt)}</span>
            </div>
            <p className="delivery-subject">{item.subject ?? item.template}</p>
            <p className="muted small">
              {item.attempts === 1 ? "1 attempt" : `${formatCount(item.attempts)} attempts`}
              {item.provider ? ` · via ${item.provider}` : null}
              {item.sentAt ? ` · sent ${formatDateTime(item.sentAt)}` : null}
            </p>
            {item.lastError ? <p className="delivery-error">Error: {item.lastError}</p> : null}
            {item.status === "OUTBOX" ? (
              <details className="outbox-message" open>
                <summary>Message in the outbox</summary>
                <pre className="outbox-body">{item.body}</pre>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="load-more">
        {hasNextPage ? (
          <button type="button" className="button button-secondary" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        ) : (
          <p className="muted small">{items.length === 1 ? "1 notification" : `${formatCount(items.length)} notifications`}, all shown.</p>
        )}
      </div>
    </div>
  );
}
