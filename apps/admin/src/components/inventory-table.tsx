import type { InventorySort, InventoryStatus, SortDirection } from "@stockroom/contracts";
import { Link } from "@tanstack/react-router";
import type { ApiOutputs } from "../lib/api-types.ts";
import { formatCount, formatDay } from "../lib/format.ts";
import { InventoryStatusBadge } from "./badges.tsx";
import { column, costColumn } from "./data-table/columns.tsx";
import { DataTable } from "./data-table/data-table.tsx";

type InventoryItem = ApiOutputs["reports"]["inventory"]["items"][number];

const FLAG_STATUS: Record<InventoryItem["flags"][number], InventoryStatus> = { out: "out", low: "low", expired_lot: "expired", expiring: "expiring" };

/** Every condition at once: an out-of-stock product with an expired lot shows both. */
function StatusCell({ item }: { item: InventoryItem }) {
  if (!item.trackInventory) return <span className="badge">Not tracked</span>;
  if (item.flags.length === 0) return <InventoryStatusBadge status="in_stock" />;
  return (
    <span className="badge-list">
      {item.flags.map((flag) => (
        <InventoryStatusBadge key={flag} status={FLAG_STATUS[flag]} />
      ))}
    </span>
  );
}

function ReservedCell({ item }: { item: InventoryItem }) {
  if (item.reserved === 0) return "0";
  return (
    <>
      {formatCount(item.reserved)}
      <span className="cell-note">
        {formatCount(item.reservedByOrders)} orders · {formatCount(item.reservedByCarts)} carts
      </span>
    </>
  );
}

function columns(showProducer: boolean) {
  return [
    column<InventoryItem>("SKU", (item) => item.sku, { className: "sku", sortKey: "sku" }),
    column<InventoryItem>(
      "Product",
      (item) => (
        <Link to="/inventory/$productId" params={{ productId: item.id }}>
          {item.name}
        </Link>
      ),
      { className: "cell-title", sortKey: "name" },
    ),
    ...(showProducer ? [column<InventoryItem>("Producer", (item) => item.producerName)] : []),
    column<InventoryItem>("Category", (item) => item.category, { sortKey: "category" }),
    column<InventoryItem>("Status", (item) => <StatusCell item={item} />),
    column<InventoryItem>("Available", (item) => (item.trackInventory ? formatCount(item.available) : "∞"), {
      numeric: true,
      className: "strong",
      sortKey: "available",
    }),
    column<InventoryItem>("On hand", (item) => formatCount(item.onHand), { numeric: true }),
    column<InventoryItem>("Reserved", (item) => <ReservedCell item={item} />, { numeric: true }),
    column<InventoryItem>("Incoming", (item) => (item.incoming > 0 ? formatCount(item.incoming) : <span className="muted">—</span>), { numeric: true }),
    column<InventoryItem>("Not for sale", (item) => formatCount(item.unsellable), { numeric: true }),
    column<InventoryItem>("Min", (item) => formatCount(item.minStockLevel), { numeric: true }),
    costColumn<InventoryItem>("Value", (item) => item.valueCents, { sortKey: "value" }),
    column<InventoryItem>("Next expiry", (item) => (item.nextExpiry ? formatDay(item.nextExpiry) : <span className="muted">—</span>)),
  ];
}

const COLUMNS = { all: columns(true), one: columns(false) };

/** What the numbers mean, shown above the table. */
export function InventoryLegend() {
  return (
    <p className="muted small inventory-legend">
      <strong>On hand</strong>: units in every lot. <strong>Reserved</strong>: held by shoppers at checkout (carts) or set aside for orders not yet dispatched.{" "}
      <strong>Not for sale</strong>: expired, or in a location that does not sell (back store, quarantine). <strong>Available</strong> = on hand − reserved −
      not for sale: what the shop can sell now.
    </p>
  );
}

interface InventoryTableProps {
  items: InventoryItem[];
  sort: InventorySort;
  direction: SortDirection;
  onSort: (sort: InventorySort) => void;
  emptyMessage: string;
  /** A platform admin looking at every producer gets a producer column. */
  showProducer: boolean;
}

/** The inventory page, rows virtualized against the window; sorting is the server's, kept in the URL. */
export function InventoryTable({ items, sort, direction, onSort, emptyMessage, showProducer }: InventoryTableProps) {
  return (
    <DataTable
      data={items}
      columns={showProducer ? COLUMNS.all : COLUMNS.one}
      getRowId={(item) => item.id}
      className="inventory-table"
      label="Inventory"
      empty={{ title: "No products found", children: emptyMessage }}
      sort={{ key: sort, direction, onSort: (key) => onSort(key as InventorySort) }}
      virtual={{ rowHeight: 46, phoneCardHeight: 190, phoneGap: 10 }}
    />
  );
}
