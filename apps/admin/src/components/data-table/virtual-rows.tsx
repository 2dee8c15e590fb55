import type { Row } from "@tanstack/react-table";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useLayoutEffect, useRef, useState } from "react";
import { useMediaQuery } from "../../lib/use-media-query.ts";
import type { DataRowAttributes } from "./columns.tsx";

export interface VirtualOptions {
  /** Estimated row height on a desktop row and on a phone card (rows are measured either way). */
  rowHeight: number;
  phoneCardHeight: number;
  /** Space between phone cards. */
  phoneGap: number;
}

interface VirtualRowsProps<T> {
  rows: Row<T>[];
  options: VirtualOptions;
  rowAttributes: ((row: T) => DataRowAttributes) | undefined;
  renderCells: (row: Row<T>) => ReactNode;
}

/**
 * Rows virtualized against the window: only the rows in view (plus a margin) are in the DOM, so a
 * 500-row page scrolls as smoothly as a 20-row one. The table is laid out as a CSS grid (rows
 * absolutely positioned); row heights are measured, so the phone layout (one card per row) works too.
 */
export function VirtualRows<T>({ rows, options, rowAttributes, renderCells }: VirtualRowsProps<T>) {
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

  const isPhone = useMediaQuery("(max-width: 720px)");
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => (isPhone ? options.phoneCardHeight : options.rowHeight),
    gap: isPhone ? options.phoneGap : 0,
    overscan: 12,
    scrollMargin,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  return (
    <tbody ref={bodyRef} className="virtual-body" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((virtualRow) => {
        const row = rows[virtualRow.index];
        if (!row) return null;
        return (
          <tr
            key={virtualRow.key}
            className="virtual-row"
            aria-rowindex={virtualRow.index + 2}
            data-index={virtualRow.index}
            ref={virtualizer.measureElement}
            style={{ transform: `translateY(${virtualRow.start - virtualizer.options.scrollMargin}px)` }}
            {...rowAttributes?.(row.original)}
          >
            {renderCells(row)}
          </tr>
        );
      })}
    </tbody>
  );
}
