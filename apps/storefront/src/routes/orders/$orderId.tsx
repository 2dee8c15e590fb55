import { isNotFound, PageLoading } from "@stockroom/ui";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { OrderDetail } from "../../components/order-detail.tsx";
import { OrderNotInBrowser } from "../../components/order-not-in-browser.tsx";
import { customerMeQuery, liveRefresh, signedInOrderQuery } from "../../lib/customer-queries.ts";
import { findPlacedOrder, type PlacedOrder, useOrderHistory } from "../../lib/order-history.ts";
import { customerOrderQuery } from "../../lib/order-queries.ts";

export const Route = createFileRoute("/orders/$orderId")({
  loader: async ({ context: { queryClient, trpc }, params }) => {
    const placed = findPlacedOrder(params.orderId);
    if (placed) return void (await queryClient.ensureQueryData(customerOrderQuery(trpc, placed)));
    // Not placed from this browser: a signed-in customer may still open it (the server matches their email).
    const me = await queryClient.ensureQueryData(customerMeQuery(trpc));
    // Another customer's order is NOT_FOUND: the page says so instead of failing.
    if (me) await queryClient.prefetchQuery(signedInOrderQuery(trpc, params.orderId));
  },
  head: () => ({ meta: [{ title: "Your order · Stockroom" }] }),
  component: OrderPage,
});

function OrderPage() {
  const { orderId } = Route.useParams();
  const { trpc } = Route.useRouteContext();
  const placed = useOrderHistory().find((order) => order.orderId === orderId);
  const me = useQuery(customerMeQuery(trpc)).data;
  if (placed) return <PlacedOrderPage placed={placed} />;
  if (me) return <SignedInOrderPage orderId={orderId} />;
  return <OrderNotInBrowser />;
}

/** Opened with the token of the cart that placed it (remembered in this browser). */
function PlacedOrderPage({ placed }: { placed: PlacedOrder }) {
  const { trpc } = Route.useRouteContext();
  const { data: order } = useSuspenseQuery({ ...customerOrderQuery(trpc, placed), ...liveRefresh });
  return <OrderDetail order={order} />;
}

function SignedInOrderPage({ orderId }: { orderId: string }) {
  const { trpc } = Route.useRouteContext();
  const { data: order, error, isPending } = useQuery({ ...signedInOrderQuery(trpc, orderId), ...liveRefresh });
  if (order) return <OrderDetail order={order} />;
  if (isNotFound(error)) return <OrderNotInBrowser />;
  if (isPending) return <PageLoading />;
  throw error;
}
