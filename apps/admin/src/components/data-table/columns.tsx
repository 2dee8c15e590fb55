import type { Permission } from "@stockroom/contracts";
import type { ColumnDef, RowData } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { formatCost } from "../../lib/format.ts";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The cell's name on phones (data-label); the header text unless told otherwise. */
    label?: string | undefined;
    numeric?: boolean | undefined;
    /** Extra cell classes, fixed or per row. */
    className?: string | ((row: TData) => string) | undefined;
    /** The cell names its row: a <th scope="row">. */
    isRowHeader?: boolean | undefined;
    /** The server's sort key; the header becomes a sort button when the table sorts. */
    sortKey?: string | undefined;
    /** The header is read by screen readers only (an actions column). */
    isHeaderHidden?: boolean | undefined;
    /** Shown only to roles with this permission (cost columns need costs.view). */
    needs?: Permission | undefined;
    /** Marker for TValue, which TanStack requires the augmentation to mention. */
    _value?: TValue;
  }
}

export type DataRowAttributes = Record<`data-${string}`, string | undefined>;

export interface SortState {
  key: string;
  direction: "asc" | "desc";
  onSort: (key: string) => void;
}

interface ColumnOptions<T> {
  id?: string;
  numeric?: boolean;
  className?: string | ((row: T) => string);
  isRowHeader?: boolean;
  sortKey?: string;
  isHeaderHidden?: boolean;
  /** No phone label (an actions cell). */
  isUnlabelled?: boolean;
  /** The total row's cell for this column. */
  footer?: ReactNode;
  /** Shown only to roles with this permission. */
  needs?: Permission;
}

/** One column: its header, what a cell shows, and how it is laid out. */
export function column<T>(header: string, cell: (row: T) => ReactNode, options: ColumnOptions<T> = {}): ColumnDef<T, unknown> {
  const { id, footer, isUnlabelled, ...meta } = options;
  return {
    id: id ?? header,
    header,
    cell: (context) => cell(context.row.original),
    ...(footer === undefined ? {} : { footer: () => footer }),
    meta: { ...meta, label: isUnlabelled ? undefined : header },
  };
}

type Meta<T> = ColumnDef<T, unknown>["meta"];

export function cellClass<T>(meta: Meta<T>, row: T | undefined): string | undefined {
  const extra = typeof meta?.className === "function" ? (row === undefined ? undefined : meta.className(row)) : meta?.className;
  return [meta?.numeric ? "numeric" : null, extra].filter(Boolean).join(" ") || undefined;
}

export function cellProps<T>(meta: Meta<T>, row: T) {
  return { "data-label": meta?.label, className: cellClass(meta, row) };
}

/** A money column only roles that may see costs get (the server sends null to the others). */
export function costColumn<T>(
  header: string,
  cents: (row: T) => number | null,
  options: Omit<ColumnOptions<T>, "needs" | "numeric"> = {},
): ColumnDef<T, unknown> {
  return column(header, (row) => formatCost(cents(row)), { ...options, numeric: true, needs: "costs.view" });
}
