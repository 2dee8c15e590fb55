import { useId } from "react";
import { formatCount } from "../lib/format.ts";

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** Offer a page-size choice (top bar only). */
  pageSizes?: readonly number[];
  onPageSize?: (size: number) => void;
  /** What is counted ("No products" when there is nothing). */
  noun?: string;
  /** The bar under a list (named apart from the top one); by default the one without a page-size choice. */
  bottom?: boolean;
}

export function Pagination({ page, pageSize, total, onPage, pageSizes, onPageSize, noun = "products", bottom }: PaginationProps) {
  const id = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={(bottom ?? !pageSizes) ? "Pages (bottom)" : "Pages"}>
      <p className="result-count" aria-live="polite">
        {total === 0 ? `No ${noun}` : `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`}
      </p>
      <div className="pagination-controls">
        {pageSizes && onPageSize ? (
          <div className="filter filter-inline">
            <label htmlFor={id}>Rows per page</label>
            <select id={id} value={pageSize} onChange={(event) => onPageSize(Number(event.target.value))}>
              {pageSizes.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="button" className="button button-secondary button-small" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          Previous
        </button>
        <span className="page-of">
          Page {formatCount(Math.min(page, pages))} of {formatCount(pages)}
        </span>
        <button type="button" className="button button-secondary button-small" onClick={() => onPage(page + 1)} disabled={page >= pages}>
          Next
        </button>
      </div>
    </nav>
  );
}
