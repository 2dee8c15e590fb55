import { formatMoney } from "@stockroom/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { OrderStatusBadge } from "../../../components/badges.tsx";
import { OrderReturns } from "../../../components/order-returns.tsx";
import { OrderCustomer } from "../../../components/orders/order-customer.tsx";
import { OrderLines } from "../../../components/orders/order-lines.tsx";
import { loadOrderOrNotFound, OrderNotFound } from "../../../components/orders/order-route.tsx";
import { OrderStatusActions } from "../../../components/orders/order-status-actions.tsx";
import { OrderTimeline } from "../../../components/orders/order-timeline.tsx";
import { formatDateTime } from "../../../lib/format.ts";

export const Route = createFileRoute("/_authed/orders/$orderId")({
  loader: async ({ context, params: { orderId } }) => {
    const order = await loadOrderOrNotFound(context, orderId);
    return { reference: order.reference };
  },
  head: ({ loaderData }) => ({ meta: [{ title: `Order ${loaderData?.reference ?? ""} · Stockroom Admin` }] }),
  notFoundComponent: OrderNotFound,
  component: OrderPage,
});

/** One order: its next steps, customer and destination, items with their lots, and the timeline with notes. */
function OrderPage() {
  const { trpc } = Route.useRouteContext();
  const { orderId } = Route.useParams();
  const { data: order } = useSuspenseQuery(trpc.orders.get.queryOptions({ orderId }));

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/orders">Orders</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Order {order.reference}</span>
      </nav>
      <div className="page-heading page-heading-row">
        <div>
          <h1>Order {order.reference}</h1>
          <p className="muted">
            #{order.number} · Placed {formatDateTime(order.createdAt)} · {formatMoney(order.totalCents)}
          </p>
        </div>
        <div className="order-heading-side">
          <div className="order-status" aria-live="polite">
            <span className="muted small">Status</span> <OrderStatusBadge status={order.status} />
          </div>
          <Link to="/orders/$orderId/packing-slip" params={{ orderId }} className="button button-secondary">
            Packing slip
          </Link>
        </div>
      </div>
      <OrderStatusActions order={order} />
      <div className="order-columns">
        <OrderCustomer order={order} />
        <OrderTimeline order={order} />
      </div>
      <OrderLines order={order} />
      <OrderReturns order={order} />
    </div>
  );
}
