import { formatMoney } from "@stockroom/ui";
import { createFileRoute, Link } from "@tanstack/react-router";
import { z } from "zod";
import { ORDER_STATUS_LABELS, type OrderStatus, OrderStatusBadge } from "../../../components/badges.tsx";
import { EmptyState } from "../../../components/empty-state.tsx";
import { SelectFilter } from "../../../components/select-filter.tsx";
import { formatCount, formatDateTime } from "../../../lib/format.ts";
import { scopedProducerId } from "../../../lib/producer-scope.ts";
import { loadQuery } from "../../../lib/route-data.ts";
import type { Staff } from "../../../lib/staff.ts";
import type { Trpc } from "../../../lib/trpc.ts";
import { useRouteQuery } from "../../../lib/use-route-query.ts";

const STATUSES = ["PENDING", "CONFIRMED", "DISPATCHED", "DELIVERED", "CANCELLED"] as const;
const PAGE = 50;
const MAX = 200;

const searchSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  /** How many of the newest orders to show (the server lists at most 200). */
  limit: z.number().int().min(PAGE).max(MAX).optional().catch(undefined),
});

function ordersQuery(trpc: Trpc, me: Staff, search: { producerId?: string | undefined; status?: OrderStatus | undefined; limit?: number | undefined }) {
  return trpc.orders.list.queryOptions({ producerId: scopedProducerId(me, search.producerId), status: search.status, limit: search.limit ?? PAGE });
}

export const Route = createFileRoute("/_authed/orders/")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => ({ producerId: search.producerId, status: search.status, limit: search.limit }),
  loader: ({ context: { queryClient, trpc, me }, deps, cause }) => loadQuery(queryClient, cause, ordersQuery(trpc, me, deps)),
  head: () => ({ meta: [{ title: "Orders · Stockroom Admin" }] }),
  component: OrdersPage,
});

function OrdersPage() {
  const { me, trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data: orders, isUpdating } = useRouteQuery(ordersQuery(trpc, me, search));
  const limit = search.limit ?? PAGE;

  return (
    <div className="page">
      <div className="page-heading">
        <h1>Orders</h1>
        <p className="muted">Newest first. Open an order to move it along; dispatching takes its stock off the shelves.</p>
      </div>
      <div className="toolbar">
        <SelectFilter
          label="Status"
          allLabel="All statuses"
          value={search.status}
          options={STATUSES.map((value) => ({ value, label: ORDER_STATUS_LABELS[value] }))}
          onChange={(status) => void navigate({ search: (prev) => ({ ...prev, status, limit: undefined }) })}
        />
      </div>
      <section aria-label="Orders" aria-busy={isUpdating} className="results">
        <p className="result-count">
          {orders.length === 1 ? "1 order" : `${formatCount(orders.length)} orders`}
          {search.status ? ` · ${ORDER_STATUS_LABELS[search.status].toLowerCase()}` : null}
        </p>
        {orders.length === 0 ? (
          <EmptyState title="No orders">{search.status ? "No orders have this status." : "Orders placed in the shop appear here."}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="data-table orders-table">
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Status</th>
                  <th scope="col">Placed</th>
                  <th scope="col">Items</th>
                  <th scope="col" className="numeric">
                    Total
                  </th>
                  <th scope="col">Stock</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((order) => (
                  <tr key={order.id}>
                    <td data-label="Order" className="cell-title">
                      <Link to="/orders/$orderId" params={{ orderId: order.id }}>
                        Order #{order.number}
                      </Link>
                    </td>
                    <td data-label="Status">
                      <OrderStatusBadge status={order.status} />
                    </td>
                    <td data-label="Placed">{formatDateTime(order.createdAt)}</td>
                    <td data-label="Items" className="wrap">
                      {order.lines.map((line) => `${line.quantity} × ${line.name}`).join(", ")}
                    </td>
                    <td data-label="Total" className="numeric">
                      {formatMoney(order.totalCents)}
                    </td>
                    <td data-label="Stock" className="muted">
                      {order.stockMovedAt ? "Left stock" : order.status === "CANCELLED" ? "Released" : "Reserved"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {orders.length >= limit && limit < MAX ? (
          <div className="load-more">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void navigate({ search: (prev) => ({ ...prev, limit: Math.min(MAX, limit + PAGE) }), resetScroll: false })}
            >
              Show more
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
