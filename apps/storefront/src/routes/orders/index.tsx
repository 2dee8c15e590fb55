import { MAX_PAGE } from "@stockroom/contracts";
import { formatMoney } from "@stockroom/ui";
import { useQueries, useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { z } from "zod";
import { formatPlacedAt } from "../../components/order-card.tsx";
import { OrderStatus } from "../../components/order-status.tsx";
import { SignedInOrders } from "../../components/signed-in-orders.tsx";
import { customerMeQuery } from "../../lib/customer-queries.ts";
import { useOrderHistory } from "../../lib/order-history.ts";
import { customerOrderQuery, producerOf } from "../../lib/order-queries.ts";

export const Route = createFileRoute("/orders/")({
  validateSearch: z.object({ page: z.number().int().min(1).max(MAX_PAGE).optional().catch(undefined) }),
  loader: ({ context: { queryClient, trpc } }) => queryClient.ensureQueryData(customerMeQuery(trpc)),
  head: () => ({ meta: [{ title: "Your orders · Stockroom" }] }),
  component: OrdersPage,
});

/** Signed in: every order placed with the customer's email. Otherwise: the orders placed from this browser. */
function OrdersPage() {
  const { trpc } = Route.useRouteContext();
  const { data: me } = useSuspenseQuery(customerMeQuery(trpc));
  const { page = 1 } = Route.useSearch();
  if (me) {
    return (
      <div className="orders-page">
        <div className="page-heading">
          <h1>Your orders</h1>
          <Link to="/">Continue shopping</Link>
        </div>
        <SignedInOrders email={me.email} page={page} />
      </div>
    );
  }
  return <BrowserOrders />;
}

/** Orders placed from this browser (kept in localStorage with the token that placed each one). */
function BrowserOrders() {
  const { trpc } = Route.useRouteContext();
  const history = useOrderHistory();
  const results = useQueries({ queries: history.map((placed) => customerOrderQuery(trpc, placed)) });

  return (
    <div className="orders-page">
      <div className="page-heading">
        <h1>Your orders</h1>
        <Link to="/">Continue shopping</Link>
      </div>
      {history.length === 0 ? (
        <div className="empty-state">
          <h2>No orders yet</h2>
          <p className="muted">Orders you place from this browser appear here.</p>
        </div>
      ) : null}
      <div className="account-hint">
        <p>
          Ordered from another browser or device? <Link to="/sign-in">Sign in with your email</Link> to see all your orders, or{" "}
          <Link to="/orders/find">find an order by its reference</Link>.
        </p>
      </div>
      {history.length === 0 ? null : (
        <ul className="orders-list">
          {history.map((placed, index) => {
            const order = results[index]?.data;
            const producer = order ? producerOf(order, placed) : null;
            return (
              <li key={placed.orderId}>
                <Link to="/orders/$orderId" params={{ orderId: placed.orderId }} className="orders-list-item">
                  <span className="orders-list-number">Order {order?.reference ?? placed.reference ?? `#${placed.number}`}</span>
                  <span className="muted small">
                    {producer ? `${producer} · ` : null}
                    {formatPlacedAt(placed.placedAt)}
                  </span>
                  <span className="orders-list-meta">
                    {order ? (
                      <>
                        <OrderStatus status={order.status} />
                        <span className="orders-list-total">{formatMoney(order.totalCents)}</span>
                      </>
                    ) : results[index]?.isError ? (
                      <span className="muted small">Status unavailable</span>
                    ) : (
                      <span className="muted small">Loading…</span>
                    )}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
