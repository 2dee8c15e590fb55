import { formatMoney } from "@stockroom/ui";
import { useQueries } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { formatPlacedAt } from "../../components/order-card.tsx";
import { OrderStatus } from "../../components/order-status.tsx";
import { useOrderHistory } from "../../lib/order-history.ts";
import { customerOrderQuery, producerOf } from "../../lib/order-queries.ts";

export const Route = createFileRoute("/orders/")({
  head: () => ({ meta: [{ title: "Your orders · Stockroom" }] }),
  component: OrdersPage,
});

/** Orders placed from this browser (kept in localStorage with the token that placed each one). */
function OrdersPage() {
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
      ) : (
        <ul className="orders-list">
          {history.map((placed, index) => {
            const order = results[index]?.data;
            const producer = order ? producerOf(order, placed) : null;
            return (
              <li key={placed.orderId}>
                <Link to="/orders/$orderId" params={{ orderId: placed.orderId }} className="orders-list-item">
                  <span className="orders-list-number">Order #{placed.number}</span>
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
