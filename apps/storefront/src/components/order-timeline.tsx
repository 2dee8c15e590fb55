import type { CustomerOrder } from "../lib/order-queries.ts";

type OrderEvent = CustomerOrder["events"][number];

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

const TITLES: Record<string, string> = {
  PENDING: "Waiting for the shop to confirm",
  CONFIRMED: "Confirmed by the shop",
  DISPATCHED: "Dispatched",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};

function titleOf(event: OrderEvent): string {
  if (event.kind === "PLACED") return "Order placed";
  return TITLES[event.toStatus ?? ""] ?? "Updated";
}

/** What happened to the order and when, newest first (the customer's view: no staff notes or names). */
export function OrderTimeline({ events }: { events: OrderEvent[] }) {
  return (
    <section className="order-panel" aria-labelledby="order-timeline-heading">
      <h2 id="order-timeline-heading">Progress</h2>
      <ol className="order-timeline">
        {[...events].reverse().map((event) => (
          <li key={event.id} className={`timeline-entry timeline-${(event.toStatus ?? event.kind).toLowerCase()}`}>
            <span className="timeline-dot" aria-hidden="true" />
            <div>
              <p className="timeline-title">{titleOf(event)}</p>
              <p className="muted small">
                <time dateTime={event.at}>{dateTime.format(new Date(event.at))}</time>
              </p>
              {event.toStatus === "CANCELLED" && event.body ? <p className="small">Reason: {event.body}</p> : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
