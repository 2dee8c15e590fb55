import { listOrdersInput, MAX_ORDERS_LIMIT, ORDER_STATUSES, type OrderStatus, urlSearchSchema } from "@stockroom/contracts";
import { formatMoney } from "@stockroom/ui";
import { createFileRoute, Link } from "@tanstack/react-router";
import { z } from "zod";
import { ORDER_STATUS_LABELS, OrderStatusBadge } from "../../../components/badges.tsx";
import { column } from "../../../components/data-table/columns.tsx";
import { DataTable } from "../../../components/data-table/data-table.tsx";
import { SelectFilter } from "../../../components/select-filter.tsx";
import type { ApiOutputs } from "../../../lib/api-types.ts";
import { formatCount, formatDateTime } from "../../../lib/format.ts";
import { scopedProducerId } from "../../../lib/producer-scope.ts";
import { loadQuery } from "../../../lib/route-data.ts";
import type { Staff } from "../../../lib/staff.ts";
import type { Trpc } from "../../../lib/trpc.ts";
import { useRouteQuery } from "../../../lib/use-route-query.ts";

const PAGE = 50;
const MAX = MAX_ORDERS_LIMIT;
type OrderRow = ApiOutputs["orders"]["list"][number];

const COLUMNS = [
  column<OrderRow>(
    "Order",
    (order) => (
      <Link to="/orders/$orderId" params={{ orderId: order.id }}>
        Order #{order.number}
      </Link>
    ),
    { className: "cell-title" },
  ),
  column<OrderRow>("Reference", (order) => order.reference, { className: "sku" }),
  column<OrderRow>("Status", (order) => <OrderStatusBadge status={order.status} />),
  column<OrderRow>("Placed", (order) => formatDateTime(order.createdAt)),
  column<OrderRow>("Items", (order) => order.lines.map((line) => `${line.quantity} × ${line.name}`).join(", "), { className: "wrap" }),
  column<OrderRow>("Total", (order) => formatMoney(order.totalCents), { numeric: true }),
  column<OrderRow>("Stock", (order) => (order.stockMovedAt ? "Left stock" : order.status === "CANCELLED" ? "Released" : "Reserved"), { className: "muted" }),
];

const searchSchema = urlSearchSchema(listOrdersInput.pick({ status: true }).shape).extend({
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
          options={ORDER_STATUSES.map((value) => ({ value, label: ORDER_STATUS_LABELS[value] }))}
          onChange={(status) => void navigate({ search: (prev) => ({ ...prev, status, limit: undefined }) })}
        />
      </div>
      <section aria-label="Orders" aria-busy={isUpdating} className="results">
        <p className="result-count">
          {orders.length === 1 ? "1 order" : `${formatCount(orders.length)} orders`}
          {search.status ? ` · ${ORDER_STATUS_LABELS[search.status].toLowerCase()}` : null}
        </p>
        <DataTable
          data={orders}
          columns={COLUMNS}
          getRowId={(order) => order.id}
          className="data-table orders-table"
          empty={{ title: "No orders", children: search.status ? "No orders have this status." : "Orders placed in the shop appear here." }}
        />
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
