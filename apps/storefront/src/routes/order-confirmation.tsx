import { useSuspenseQueries } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { z } from "zod";
import { OrderCard } from "../components/order-card.tsx";
import { OrderNotInBrowser } from "../components/order-not-in-browser.tsx";
import { findPlacedOrder, type PlacedOrder } from "../lib/order-history.ts";
import { customerOrderQuery } from "../lib/order-queries.ts";

const searchSchema = z.object({ orders: z.string().max(2_000).optional().catch(undefined) });

/** The orders named in the URL that this browser placed. */
function placedOrders(ids: string | undefined): PlacedOrder[] {
  return (ids ?? "")
    .split(",")
    .map((id) => findPlacedOrder(id.trim()))
    .filter((order): order is PlacedOrder => order !== undefined);
}

export const Route = createFileRoute("/order-confirmation")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => ({ orders: search.orders }),
  loader: ({ context: { queryClient, trpc }, deps }) =>
    Promise.all(placedOrders(deps.orders).map((placed) => queryClient.ensureQueryData(customerOrderQuery(trpc, placed)))),
  head: () => ({ meta: [{ title: "Order placed · Stockroom" }] }),
  component: ConfirmationPage,
});

function ConfirmationPage() {
  const { trpc } = Route.useRouteContext();
  const { orders: ids } = Route.useSearch();
  const placed = placedOrders(ids);
  const results = useSuspenseQueries({ queries: placed.map((p) => customerOrderQuery(trpc, p)) });
  if (placed.length === 0) return <OrderNotInBrowser />;

  return (
    <div className="confirmation">
      <div className="confirmation-heading" role="status">
        <span className="confirmation-mark" aria-hidden="true">
          ✓
        </span>
        <div>
          <h1>Thank you, your order is placed</h1>
          <p className="muted">
            {placed.length === 1
              ? "The producer will confirm it soon. Your items are set aside."
              : `Your cart came from ${placed.length} producers, so it became ${placed.length} orders. Each producer confirms theirs.`}
          </p>
        </div>
      </div>
      {results.map(({ data }, index) => {
        const order = placed[index];
        return order ? <OrderCard key={data.id} order={data} showLink /> : null;
      })}
      <div className="confirmation-actions">
        <Link to="/" className="button">
          Continue shopping
        </Link>
        <Link to="/orders" className="button button-secondary">
          Your orders
        </Link>
      </div>
    </div>
  );
}
