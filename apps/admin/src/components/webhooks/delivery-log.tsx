import { errorMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import type { ApiOutputs } from "../../lib/api-types.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { Badge } from "../badges.tsx";
import { column } from "../data-table/columns.tsx";
import { DataTable } from "../data-table/data-table.tsx";

type Delivery = ApiOutputs["webhooks"]["deliveries"][number];

const STATUS = {
  PENDING: { label: "Waiting to retry", tone: "warning" },
  QUEUED: { label: "Sending", tone: "info" },
  DELIVERED: { label: "Delivered", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
} as const;

/** The last attempt's answer: HTTP status or error, latency, and the start of the body. */
function LastAttempt({ delivery }: { delivery: Delivery }) {
  const last = delivery.attemptLog[0];
  if (!last) return <span className="muted">Not tried yet</span>;
  return (
    <div className="webhook-attempt">
      <span>
        {last.statusCode ? `HTTP ${last.statusCode}` : (last.error ?? "No answer")} · {last.latencyMs} ms
      </span>
      {last.responseExcerpt ? <code className="webhook-excerpt">{last.responseExcerpt.slice(0, 160)}</code> : null}
      {last.statusCode && last.error && !last.error.startsWith("HTTP") ? <span className="muted small">{last.error}</span> : null}
    </div>
  );
}

function SendAgain({ delivery }: { delivery: Delivery }) {
  const { trpc, queryClient } = useAppContext();
  const resend = useMutation(trpc.webhooks.resend.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.webhooks.deliveries.pathFilter()) }));
  if (delivery.status !== "DELIVERED" && delivery.status !== "FAILED") return null;
  return (
    <div className="row-actions">
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={resend.isPending}
        onClick={() => resend.mutate({ deliveryId: delivery.id })}
      >
        Send again
      </button>
      {resend.error ? (
        <span className="field-error" role="alert">
          {errorMessage(resend.error)}
        </span>
      ) : null}
    </div>
  );
}

const columns = [
  column<Delivery>("Event", (d) => (
    <div>
      <code>{d.eventType}</code>
      <div className="muted small">#{d.sequence}</div>
    </div>
  )),
  column<Delivery>("Status", (d) => <Badge tone={STATUS[d.status].tone}>{STATUS[d.status].label}</Badge>),
  column<Delivery>("Attempts", (d) => d.attempts, { numeric: true }),
  column<Delivery>("Last answer", (d) => <LastAttempt delivery={d} />),
  column<Delivery>("Created", (d) => formatDateTime(d.createdAt)),
  column<Delivery>("Actions", (d) => <SendAgain delivery={d} />, { className: "cell-actions", isHeaderHidden: true, isUnlabelled: true }),
];

export function DeliveryLog({ deliveries }: { deliveries: Delivery[] }) {
  return (
    <DataTable
      data={deliveries}
      columns={columns}
      getRowId={(d) => d.id}
      className="data-table webhook-deliveries"
      empty={{ title: "No deliveries yet", children: "Events this endpoint subscribes to appear here once they happen; try “Send test event”." }}
    />
  );
}
