import type { InventorySort, SortDirection } from "@stockroom/contracts";
import { Link } from "@tanstack/react-router";
import type { ApiOutputs } from "../lib/api-types.ts";
import { formatCount, formatDay } from "../lib/format.ts";
import { InventoryStatusBadge } from "./badges.tsx";
import { column, costColumn } from "./data-table/columns.tsx";
import { DataTable } from "./data-table/data-table.tsx";

type InventoryItem = ApiOutputs["reports"]["inventory"]["items"][number];

const COLUMNS = [
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
  column<InventoryItem>("Category", (item) => item.category, { sortKey: "category" }),
  column<InventoryItem>("Status", (item) => (item.trackInventory ? <InventoryStatusBadge status={item.status} /> : <span className="badge">Not tracked</span>)),
  column<InventoryItem>("Available", (item) => (item.trackInventory ? formatCount(item.available) : "∞"), {
    numeric: true,
    className: "strong",
    sortKey: "available",
  }),
  column<InventoryItem>("On hand", (item) => formatCount(item.onHand), { numeric: true }),
  column<InventoryItem>("Reserved", (item) => formatCount(item.reserved), { numeric: true }),
  column<InventoryItem>("Min", (item) => formatCount(item.minStockLevel), { numeric: true }),
  costColumn<InventoryItem>("Value", (item) => item.valueCents, { sortKey: "value" }),
  column<InventoryItem>("Next expiry", (item) => (item.nextExpiry ? formatDay(item.nextExpiry) : <span className="muted">—</span>)),
];

interface InventoryTableProps {
  items: InventoryItem[];
  sort: InventorySort;
  direction: SortDirection;
  onSort: (sort: InventorySort) => void;
  emptyMessage: string;
}

/** The inventory page, rows virtualized against the window; sorting is the server's, kept in the URL. */
export function InventoryTable({ items, sort, direction, onSort, emptyMessage }: InventoryTableProps) {
  return (
    <DataTable
      data={items}
      columns={COLUMNS}
      getRowId={(item) => item.id}
      className="inventory-table"
      label="Inventory"
      empty={{ title: "No products found", children: emptyMessage }}
      sort={{ key: sort, direction, onSort: (key) => onSort(key as InventorySort) }}
      virtual={{ rowHeight: 46, phoneCardHeight: 190, phoneGap: 10 }}
    />
  );
}
