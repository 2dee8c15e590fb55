import type { OrderSort } from "@stockroom/contracts";
import { formatMoney } from "@stockroom/ui";
import { Link } from "@tanstack/react-router";
import type { ApiOutputs } from "../../lib/api-types.ts";
import { formatCount, formatDateTime } from "../../lib/format.ts";
import { OrderStatusBadge } from "../badges.tsx";
import { column } from "../data-table/columns.tsx";
import { DataTable } from "../data-table/data-table.tsx";

export type OrderRow = ApiOutputs["orders"]["list"]["orders"][number];

export const FULFILMENT_LABELS = { DELIVERY: "Delivery", COLLECTION: "Collection" } as const;

const COLUMNS = [
  column<OrderRow>(
    "Order",
    (order) => (
      <Link to="/orders/$orderId" params={{ orderId: order.id }}>
        Order {order.reference}
      </Link>
    ),
    { className: "cell-title", sortKey: "reference" },
  ),
  column<OrderRow>("Placed", (order) => formatDateTime(order.createdAt), { sortKey: "placed" }),
  column<OrderRow>(
    "Customer",
    (order) =>
      order.customerEmail ? (
        <span className="order-customer">
          {order.customerName ?? order.customerEmail}
          <span className="muted small"> {order.customerEmail}</span>
        </span>
      ) : (
        <span className="muted">Not recorded</span>
      ),
    { className: "wrap" },
  ),
  column<OrderRow>("Fulfilment", (order) => (order.fulfilment ? FULFILMENT_LABELS[order.fulfilment] : "—"), { className: "muted" }),
  column<OrderRow>("Status", (order) => <OrderStatusBadge status={order.status} />),
  column<OrderRow>("Items", (order) => formatCount(order.itemCount), { numeric: true }),
  column<OrderRow>("Total", (order) => formatMoney(order.totalCents), { numeric: true, sortKey: "total" }),
];

interface OrdersTableProps {
  orders: OrderRow[];
  sort: OrderSort;
  direction: "asc" | "desc";
  onSort: (sort: OrderSort) => void;
  isFiltered: boolean;
}

/** The orders list: one row per order, sorted by the server (headers are sort buttons). */
export function OrdersTable({ orders, sort, direction, onSort, isFiltered }: OrdersTableProps) {
  return (
    <DataTable
      data={orders}
      columns={COLUMNS}
      getRowId={(order) => order.id}
      className="data-table orders-table"
      sort={{ key: sort, direction, onSort: (key) => onSort(key as OrderSort) }}
      empty={{ title: "No orders", children: isFiltered ? "No orders match these filters." : "Orders placed in the shop appear here." }}
    />
  );
}
