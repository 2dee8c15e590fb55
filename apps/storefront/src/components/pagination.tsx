import { Link } from "@tanstack/react-router";

interface PaginationProps {
  page: number;
  pageCount: number;
}

/** Previous/next links that keep the rest of the URL (search, category) as it is. */
export function Pagination({ page, pageCount }: PaginationProps) {
  if (pageCount <= 1) return null;
  const previous = page > 1 ? page - 1 : null;
  const next = page < pageCount ? page + 1 : null;
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
        Page {page} of {pageCount}
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
