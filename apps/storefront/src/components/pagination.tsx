import { Link } from "@tanstack/react-router";

interface PaginationProps {
  page: number;
  pageCount: number;
  /** The count was capped and this page is full: there are more pages than pageCount says. */
  isOpenEnded?: boolean;
}

/** Previous/next links that keep the rest of the URL (search, category) as it is. */
export function Pagination({ page, pageCount, isOpenEnded = false }: PaginationProps) {
  if (pageCount <= 1 && !isOpenEnded) return null;
  const previous = page > 1 ? page - 1 : null;
  const next = page < pageCount || isOpenEnded ? page + 1 : null;
  return (
    <nav className="pagination" aria-label="Pagination">
      {previous ? (
        <Link to="/" search={(prev) => ({ ...prev, page: previous === 1 ? undefined : previous })} className="page-link" rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="page-link" aria-disabled="true">
          ← Previous
        </span>
      )}
      <span className="page-status" aria-current="page">
        {isOpenEnded ? `Page ${page} of ${Math.max(page, pageCount)}+` : `Page ${page} of ${pageCount}`}
      </span>
      {next ? (
        <Link to="/" search={(prev) => ({ ...prev, page: next })} className="page-link" rel="next">
          Next →
        </Link>
      ) : (
        <span className="page-link" aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
