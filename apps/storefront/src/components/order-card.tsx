import { formatMoney } from "@stockroom/ui";
import { Link } from "@tanstack/react-router";
import type { CustomerOrder } from "../lib/order-queries.ts";
import { OrderStatus } from "./order-status.tsx";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

type Lot = CustomerOrder["lines"][number]["lots"][number];

const useBy = (lot: Lot) => (lot.expiryDate ? `, use by ${date.format(new Date(lot.expiryDate))}` : "");

/** "Batch L1, use by 3 Mar 2027", or per batch when the units come from several: "2 from batch L1 · 1 from batch L2". */
function batches(lots: Lot[]): string {
  const [only] = lots;
  if (lots.length === 1 && only) return `Batch ${only.lotNumber}${useBy(only)}`;
  return lots.map((lot) => `${lot.quantity} from batch ${lot.lotNumber}${useBy(lot)}`).join(" · ");
}

export function formatPlacedAt(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** One order: number, producer, status, lines (with the batches set aside for them) and total. */
export function OrderCard({ order, headingLevel = 2, showLink = false }: { order: CustomerOrder; headingLevel?: 1 | 2; showLink?: boolean }) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <article className="order-card" aria-labelledby={`order-${order.id}`}>
      <header className="order-card-header">
        <div>
          <Heading id={`order-${order.id}`} className="order-number">
            Order {order.reference}
          </Heading>
          <p className="muted small">
            {order.producerName} · Placed {formatPlacedAt(order.createdAt)}
          </p>
        </div>
        <OrderStatus status={order.status} />
      </header>
      {order.status === "CANCELLED" && order.cancelReason ? <p className="order-cancel-reason">Cancelled: {order.cancelReason}.</p> : null}
      <ul className="order-lines">
        {order.lines.map((line) => (
          <li key={line.productId} className="order-line">
            <div>
              <p className="order-line-name">
                {line.quantity} × {line.name}
              </p>
              <p className="muted small">{batches(line.lots)}</p>
            </div>
            <p className="order-line-total">{formatMoney(line.quantity * line.unitPriceCents)}</p>
          </li>
        ))}
      </ul>
      <footer className="order-card-footer">
        {showLink ? (
          <Link to="/orders/$orderId" params={{ orderId: order.id }}>
            View order {order.reference}
          </Link>
        ) : (
          <span />
        )}
        <p className="order-total">
          Total <strong>{formatMoney(order.totalCents)}</strong>
        </p>
      </footer>
    </article>
  );
}
