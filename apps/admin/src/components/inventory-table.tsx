import type { AppRouter } from "@stockroom/api/client";
import { formatMoney } from "@stockroom/ui";
import { Link } from "@tanstack/react-router";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import type { inferRouterOutputs } from "@trpc/server";
import { useLayoutEffect, useRef, useState } from "react";
import { formatCount, formatDay } from "../lib/format.ts";
import { useMediaQuery } from "../lib/use-media-query.ts";
import { InventoryStatusBadge } from "./badges.tsx";
import { EmptyState } from "./empty-state.tsx";

type InventoryItem = inferRouterOutputs<AppRouter>["reports"]["inventory"]["items"][number];
export type InventorySort = "name" | "sku" | "available" | "category" | "value";

interface InventoryTableProps {
  items: InventoryItem[];
  sort: InventorySort;
  direction: "asc" | "desc";
  onSort: (sort: InventorySort) => void;
  emptyMessage: string;
}

const COLUMNS: { key: string; label: string; sort?: InventorySort; numeric?: boolean }[] = [
  { key: "sku", label: "SKU", sort: "sku" },
  { key: "name", label: "Product", sort: "name" },
  { key: "category", label: "Category", sort: "category" },
  { key: "status", label: "Status" },
  { key: "available", label: "Available", sort: "available", numeric: true },
  { key: "onHand", label: "On hand", numeric: true },
  { key: "reserved", label: "Reserved", numeric: true },
  { key: "min", label: "Min", numeric: true },
  { key: "value", label: "Value", sort: "value", numeric: true },
  { key: "expiry", label: "Next expiry" },
];

/**
 * The inventory page as a table whose rows are virtualized against the window: only the rows in
 * view (plus a margin) are in the DOM, so a 500-row page scrolls as smoothly as a 20-row one. The
 * table is laid out as a CSS grid (rows absolutely positioned); row heights are measured, so the
 * phone layout (one card per row) works with the same code.
 */
export function InventoryTable({ items, sort, direction, onSort, emptyMessage }: InventoryTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  // Where the rows start on the page; the virtualizer measures window scroll from the top of the document.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const measure = () => setScrollMargin(body.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  // Phones show one card per row (taller, with a gap between cards); rows are measured either way.
  const isPhone = useMediaQuery("(max-width: 720px)");
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => (isPhone ? 190 : 46),
    gap: isPhone ? 10 : 0,
    overscan: 12,
    scrollMargin,
    getItemKey: (index) => items[index]?.id ?? index,
  });

  if (items.length === 0) return <EmptyState title="No products found">{emptyMessage}</EmptyState>;

  const virtualRows = virtualizer.getVirtualItems();
  return (
    <table className="inventory-table" aria-label="Inventory" aria-rowcount={items.length + 1}>
      <thead className="inventory-head">
        <tr className="inventory-row" aria-rowindex={1}>
          {COLUMNS.map((column) => (
            <th
              key={column.key}
              scope="col"
              className={column.numeric ? "numeric" : undefined}
              aria-sort={column.sort && column.sort === sort ? (direction === "asc" ? "ascending" : "descending") : undefined}
            >
              {column.sort ? (
                <button type="button" className="sort-button" onClick={() => onSort(column.sort as InventorySort)}>
                  {column.label}
                  <span aria-hidden="true" className="sort-indicator">
                    {column.sort === sort ? (direction === "asc" ? "▲" : "▼") : "↕"}
                  </span>
                </button>
              ) : (
                column.label
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={bodyRef} className="inventory-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualRows.map((row) => {
          const item = items[row.index];
          if (!item) return null;
          return (
            <tr
              key={row.key}
              className="inventory-row"
              aria-rowindex={row.index + 2}
              data-index={row.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
            >
              <td className="sku" data-label="SKU">
                {item.sku}
              </td>
              <td className="cell-title" data-label="Product">
                <Link to="/inventory/$productId" params={{ productId: item.id }}>
                  {item.name}
                </Link>
              </td>
              <td data-label="Category">{item.category}</td>
              <td data-label="Status">{item.trackInventory ? <InventoryStatusBadge status={item.status} /> : <span className="badge">Not tracked</span>}</td>
              <td className="numeric strong" data-label="Available">
                {item.trackInventory ? formatCount(item.available) : "∞"}
              </td>
              <td className="numeric" data-label="On hand">
                {formatCount(item.onHand)}
              </td>
              <td className="numeric" data-label="Reserved">
                {formatCount(item.reserved)}
              </td>
              <td className="numeric" data-label="Min">
                {formatCount(item.minStockLevel)}
              </td>
              <td className="numeric" data-label="Value">
                {formatMoney(item.valueCents)}
              </td>
              <td data-label="Next expiry">{item.nextExpiry ? formatDay(item.nextExpiry) : <span className="muted">—</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
