import type { ColumnMeta } from "@tanstack/react-table";
import type { ReactNode } from "react";
import type { SortState } from "./columns.tsx";

/** A column header; a sort button (with aria-sort) when the table sorts by this column. */
export function SortHeader<T>({ meta, sort, children }: { meta: ColumnMeta<T, unknown> | undefined; sort: SortState | undefined; children: ReactNode }) {
  const sortKey = meta?.sortKey;
  const isSorted = sort !== undefined && sortKey === sort.key;
  return (
    <th
      scope="col"
      className={meta?.numeric ? "numeric" : undefined}
      aria-sort={isSorted ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
    >
      {sort && sortKey ? (
        <button type="button" className="sort-button" onClick={() => sort.onSort(sortKey)}>
          {children}
          <span aria-hidden="true" className="sort-indicator">
            {isSorted ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
          </span>
        </button>
      ) : meta?.isHeaderHidden ? (
        <span className="visually-hidden">{children}</span>
      ) : (
        children
      )}
    </th>
  );
}
