import type { Order } from "../../lib/api-types.ts";
import { formatDateTime } from "../../lib/format.ts";
import { Badge, ORDER_STATUS_LABELS } from "../badges.tsx";
import { Section } from "../section.tsx";
import { OrderNoteForm } from "./order-note-form.tsx";

type OrderEvent = Order["events"][number];

const CHANNEL_LABELS: Record<OrderEvent["channel"], string> = { STOREFRONT: "shop", ADMIN: "admin", API: "API", WORKER: "automatic" };

function eventTitle(event: OrderEvent): string {
  if (event.kind === "PLACED") return "Order placed";
  if (event.kind === "NOTE") return "Note";
  if (event.toStatus === "CANCELLED") return "Cancelled";
  return `${event.fromStatus ? `${ORDER_STATUS_LABELS[event.fromStatus]} → ` : ""}${event.toStatus ? ORDER_STATUS_LABELS[event.toStatus] : ""}`;
}

/** The order's history, oldest first: placed, every status change (who, when, from where) and staff's internal notes. */
export function OrderTimeline({ order }: { order: Order }) {
  return (
    <Section title="Timeline" description="Notes are internal: the customer never sees them." className="order-timeline-panel">
      <ol className="order-timeline" aria-label="Order timeline">
        {order.events.map((event) => (
          <li key={event.id} className={event.kind === "NOTE" ? "timeline-event timeline-note" : "timeline-event"}>
            <p className="timeline-title">
              <strong>{eventTitle(event)}</strong>
              {event.kind === "NOTE" ? <Badge tone="neutral">Internal</Badge> : null}
            </p>
            {event.body ? <p className="timeline-body">{event.kind === "STATUS" ? `Reason: ${event.body}` : event.body}</p> : null}
            <p className="muted small">
              {formatDateTime(event.at)}
              {event.actorName ? ` · ${event.actorName}` : null} · {CHANNEL_LABELS[event.channel]}
            </p>
          </li>
        ))}
      </ol>
      <OrderNoteForm orderId={order.id} />
    </Section>
  );
}
