import { formatMoney, isNotFound } from "@stockroom/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link, notFound } from "@tanstack/react-router";
import { z } from "zod";
import { OrderStatusBadge } from "../../../components/badges.tsx";
import { OrderReturns } from "../../../components/order-returns.tsx";
import { OrderCustomer } from "../../../components/orders/order-customer.tsx";
import { OrderLines } from "../../../components/orders/order-lines.tsx";
import { OrderStatusActions } from "../../../components/orders/order-status-actions.tsx";
import { OrderTimeline } from "../../../components/orders/order-timeline.tsx";
import { formatDateTime } from "../../../lib/format.ts";

export const Route = createFileRoute("/_authed/orders/$orderId")({
  loader: async ({ context: { queryClient, trpc }, params: { orderId } }) => {
    if (!z.uuid().safeParse(orderId).success) throw notFound();
    try {
      const order = await queryClient.ensureQueryData(trpc.orders.get.queryOptions({ orderId }));
      return { number: order.number };
    } catch (error) {
      if (isNotFound(error)) throw notFound();
      throw error;
    }
  },
  head: ({ loaderData }) => ({ meta: [{ title: `Order #${loaderData?.number ?? ""} · Stockroom Admin` }] }),
  notFoundComponent: () => (
    <div className="notice-page">
      <h1>Order not found</h1>
      <p>There is no order at this address that you can see.</p>
      <Link to="/orders" className="button">
        Back to orders
      </Link>
    </div>
  ),
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
        <span aria-current="page">Order #{order.number}</span>
      </nav>
      <div className="page-heading page-heading-row">
        <div>
          <h1>Order #{order.number}</h1>
          <p className="muted">
            {order.reference} · Placed {formatDateTime(order.createdAt)} · {formatMoney(order.totalCents)}
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
