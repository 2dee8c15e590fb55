import { type ColumnDef, flexRender, getCoreRowModel, type Row, useReactTable } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { useCan } from "../../lib/permissions.tsx";
import { EmptyState } from "../empty-state.tsx";
import { cellClass, cellProps, type DataRowAttributes, type SortState } from "./columns.tsx";
import { SortHeader } from "./sort-header.tsx";
import { type VirtualOptions, VirtualRows } from "./virtual-rows.tsx";

export interface DataTableProps<T> {
  data: T[];
  // biome-ignore lint/suspicious/noExplicitAny: columns of different value types share one array (TanStack's own idiom).
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** Table classes: "data-table <name>-table" for the usual look, "summary-table ..." for totals. */
  className: string;
  label?: string;
  /** Shown instead of the table when there are no rows. */
  empty?: { title: string; children?: ReactNode };
  /** data-* attributes for a row (e2e and CSS hooks such as data-lot). */
  rowAttributes?: (row: T) => DataRowAttributes;
  /** Attributes of the footer row, when columns define a footer (a total row). */
  footerAttributes?: DataRowAttributes;
  /** Server-side sorting: the URL holds it, header buttons change it. */
  sort?: SortState;
  /** Rows positioned against the window scroll: only those in view are in the DOM. */
  virtual?: VirtualOptions;
}

/**
 * Every admin table: columns say what a cell shows (meta: its phone label, classes, sort key, row
 * header); this renders header, body, optional total row and empty state once. On phones each row
 * becomes a card whose cells are labelled from data-label.
 */
export function DataTable<T>({ data, columns, getRowId, className, label, empty, rowAttributes, footerAttributes, sort, virtual }: DataTableProps<T>) {
  const can = useCan();
  const columnVisibility = Object.fromEntries(columns.filter((c) => c.meta?.needs && !can(c.meta.needs)).map((c) => [c.id ?? "", false]));
  const table = useReactTable({ data, columns, getRowId, getCoreRowModel: getCoreRowModel(), state: { columnVisibility } });
  if (data.length === 0 && empty) return <EmptyState title={empty.title}>{empty.children}</EmptyState>;

  const rows = table.getRowModel().rows;
  const hasFooter = table.getVisibleLeafColumns().some((column) => column.columnDef.footer !== undefined);
  const renderCells = (row: Row<T>) =>
    row.getVisibleCells().map((cell) => {
      const meta = cell.column.columnDef.meta;
      const content = flexRender(cell.column.columnDef.cell, cell.getContext());
      return meta?.isRowHeader ? (
        <th key={cell.id} scope="row" {...cellProps(meta, row.original)}>
          {content}
        </th>
      ) : (
        <td key={cell.id} {...cellProps(meta, row.original)}>
          {content}
        </td>
      );
    });

  const head = (rowClassName?: string) =>
    table.getHeaderGroups().map((group) => (
      <tr key={group.id} className={rowClassName} aria-rowindex={virtual ? 1 : undefined}>
        {group.headers.map((header) => (
          <SortHeader key={header.id} meta={header.column.columnDef.meta} sort={sort}>
            {flexRender(header.column.columnDef.header, header.getContext())}
          </SortHeader>
        ))}
      </tr>
    ));

  if (virtual) {
    return (
      <table className={className} aria-label={label} aria-rowcount={rows.length + 1}>
        <thead className="virtual-head">{head("virtual-row")}</thead>
        <VirtualRows rows={rows} options={virtual} rowAttributes={rowAttributes} renderCells={renderCells} />
      </table>
    );
  }
  return (
    <div className="table-wrap">
      <table className={className} aria-label={label}>
        <thead>{head()}</thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} {...rowAttributes?.(row.original)}>
              {renderCells(row)}
            </tr>
          ))}
        </tbody>
        {hasFooter ? (
          <tfoot>
            {table.getFooterGroups().map((group) => (
              <tr key={group.id} {...footerAttributes}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const content = flexRender(header.column.columnDef.footer, header.getContext());
                  return meta?.isRowHeader ? (
                    <th key={header.id} scope="row">
                      {content}
                    </th>
                  ) : (
                    <td key={header.id} data-label={meta?.label} className={cellClass(meta, undefined)}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
