import { formatMoney } from "@stockroom/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { CustomerOrderSummary } from "../lib/customer-queries.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { formatPlacedAt } from "./order-card.tsx";
import { OrderStatus } from "./order-status.tsx";

/** A signed-in customer's orders from the server: every order placed with their email, in any browser. */
export function SignedInOrders({ email, page }: { email: string; page: number }) {
  const { trpc } = useAppContext();
  const queryClient = useQueryClient();
  const { data, isPending, isError } = useQuery(trpc.customer.orders.queryOptions({ page }));
  const signOut = useMutation(trpc.customer.signOut.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.customer.pathFilter()) }));
  return (
    <>
      <div className="signed-in-bar">
        <span className="muted small">
          Signed in as <strong>{email}</strong>
        </span>
        <button type="button" className="link-button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </button>
      </div>
      {isPending ? <p className="muted">Loading your orders…</p> : null}
      {isError ? <p className="form-error">Your orders could not be loaded. Please try again.</p> : null}
      {data && data.orders.length === 0 && page === 1 ? (
        <div className="empty-state">
          <h2>No orders yet</h2>
          <p className="muted">Orders placed with {email} appear here.</p>
        </div>
      ) : null}
      {data && data.orders.length > 0 ? (
        <ul className="orders-list">
          {data.orders.map((order) => (
            <SummaryRow key={order.id} order={order} />
          ))}
        </ul>
      ) : null}
      {data && (page > 1 || data.hasMore) ? (
        <nav className="pagination" aria-label="Pagination">
          {page > 1 ? (
            <Link to="/orders" search={{ page: page - 1 === 1 ? undefined : page - 1 }} className="page-link" rel="prev">
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="page-status">Page {page}</span>
          {data.hasMore ? (
            <Link to="/orders" search={{ page: page + 1 }} className="page-link" rel="next">
              Older →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}

function SummaryRow({ order }: { order: CustomerOrderSummary }) {
  return (
    <li>
      <Link to="/orders/$orderId" params={{ orderId: order.id }} className="orders-list-item">
        <span className="orders-list-number">{order.reference}</span>
        <span className="muted small">
          {order.producerName} · {formatPlacedAt(order.createdAt)}
        </span>
        <span className="orders-list-meta">
          <OrderStatus status={order.status} />
          <span className="orders-list-total">{formatMoney(order.totalCents)}</span>
        </span>
      </Link>
    </li>
  );
}
