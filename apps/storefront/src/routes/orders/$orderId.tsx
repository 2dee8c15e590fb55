import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { OrderCard } from "../../components/order-card.tsx";
import { OrderNotInBrowser } from "../../components/order-not-in-browser.tsx";
import { findPlacedOrder, type PlacedOrder, useOrderHistory } from "../../lib/order-history.ts";
import { customerOrderQuery } from "../../lib/order-queries.ts";

export const Route = createFileRoute("/orders/$orderId")({
  loader: async ({ context: { queryClient, trpc }, params }) => {
    const placed = findPlacedOrder(params.orderId);
    if (placed) await queryClient.ensureQueryData(customerOrderQuery(trpc, placed));
  },
  head: () => ({ meta: [{ title: "Your order · Stockroom" }] }),
  component: OrderPage,
});

function OrderPage() {
  const { orderId } = Route.useParams();
  const placed = useOrderHistory().find((order) => order.orderId === orderId);
  if (!placed) return <OrderNotInBrowser />;
  return <PlacedOrderPage placed={placed} />;
}

function PlacedOrderPage({ placed }: { placed: PlacedOrder }) {
  const { trpc } = Route.useRouteContext();
  const { data: order } = useSuspenseQuery(customerOrderQuery(trpc, placed));
  return (
    <div className="order-page">
      <Link to="/orders">← Your orders</Link>
      <OrderCard order={order} placed={placed} headingLevel={1} />
    </div>
  );
}
