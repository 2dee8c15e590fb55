import { useMutation } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useState } from "react";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { Section } from "../../components/section.tsx";
import { DriftCheck } from "../../components/system/drift-check.tsx";
import { MetricCards } from "../../components/system/metric-cards.tsx";
import { BackupStatus, QueueTable } from "../../components/system/queues-and-backup.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { loadQuery } from "../../lib/route-data.ts";
import { useRouteQuery } from "../../lib/use-route-query.ts";

export const Route = createFileRoute("/_authed/system")({
  loader: ({ context: { queryClient, trpc }, cause }) => loadQuery(queryClient, cause, trpc.system.health.queryOptions()),
  head: () => ({ meta: [{ title: "System health · Stockroom Admin" }] }),
  component: SystemHealthPage,
});

/** Platform only (system.view): the seven metrics, the job queues, the drift detector and the backups. */
function SystemHealthPage() {
  const { trpc, queryClient } = Route.useRouteContext();
  // After "Run check now": the check id shown when it was pressed; poll until the worker's new check replaces it.
  const [waitingAfter, setWaitingAfter] = useState<string | null | undefined>(undefined);
  const isWaiting = waitingAfter !== undefined;
  const { data: health, isUpdating } = useRouteQuery({ ...trpc.system.health.queryOptions(), refetchInterval: isWaiting ? 1_000 : false });
  const lastCheckId = health.lastCheck?.id ?? null;
  if (isWaiting && lastCheckId !== waitingAfter) setWaitingAfter(undefined);
  const runCheck = useMutation(
    trpc.system.runInventoryCheck.mutationOptions({
      onSuccess: () => {
        setWaitingAfter(lastCheckId);
        return queryClient.invalidateQueries(trpc.system.health.pathFilter());
      },
    }),
  );

  return (
    <div className="page">
      <div className="page-heading">
        <h1>System health</h1>
        <p className="muted">
          The pharmacy plan's seven metrics, read from the database at {formatDateTime(health.now)}; the job queues, the drift detector and backups.
        </p>
      </div>
      <Section
        title="Seed metrics"
        description="Daily trends over the last 14 days (UTC). Prometheus scrapes the same numbers from /metrics."
        isBusy={isUpdating}
      >
        <MetricCards metrics={health.metrics} trends={health.trends} />
      </Section>
      <div className="two-columns system-columns">
        <Section
          title="Drift check"
          description="Every stock invariant (on hand = its movements, reserved = live holds and open orders), checked by the worker daily. It never changes anything."
          actions={
            <button type="button" className="button button-secondary button-small" disabled={runCheck.isPending || isWaiting} onClick={() => runCheck.mutate()}>
              {isWaiting ? "Checking…" : "Run check now"}
            </button>
          }
        >
          <ErrorBanner error={runCheck.error} />
          {isWaiting ? (
            <p className="muted small" role="status">
              Check queued; the worker runs it in a moment.
            </p>
          ) : null}
          <DriftCheck check={health.lastCheck} />
        </Section>
        <div className="system-side">
          <Section title="Job queues" description="Jobs waiting or running now, and those that failed for good in 24 hours.">
            <QueueTable queues={health.queues} />
          </Section>
          <Section title="Backups" description="The newest base backup of the embedded database.">
            <BackupStatus backup={health.backup} />
          </Section>
        </div>
      </div>
    </div>
  );
}
