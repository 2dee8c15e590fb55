import { Link } from "@tanstack/react-router";
import { isFinalStatus } from "../lib/customer-queries.ts";
import type { CustomerOrder } from "../lib/order-queries.ts";
import { OrderCard } from "./order-card.tsx";
import { OrderFulfilment } from "./order-fulfilment.tsx";
import { OrderTimeline } from "./order-timeline.tsx";

/** The order page's body: status and lines with their batches, progress, and where it goes. */
export function OrderDetail({ order }: { order: CustomerOrder }) {
  return (
    <div className="order-page">
      <Link to="/orders">← Your orders</Link>
      <OrderCard order={order} headingLevel={1} />
      {isFinalStatus(order.status) ? null : (
        <p className="muted small live-note" role="status">
          This page updates by itself as the shop works on your order.
        </p>
      )}
      <div className="order-detail-grid">
        <OrderTimeline events={order.events} />
        <OrderFulfilment order={order} />
      </div>
    </div>
  );
}
