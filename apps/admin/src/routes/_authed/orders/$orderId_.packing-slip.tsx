import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { loadOrderOrNotFound, OrderNotFound } from "../../../components/orders/order-route.tsx";
import { PackingSlip } from "../../../components/orders/packing-slip.tsx";

/** A printable packing slip: the page's chrome is hidden when printing (orders.css, `@media print`). */
export const Route = createFileRoute("/_authed/orders/$orderId_/packing-slip")({
  loader: async ({ context, params: { orderId } }) => {
    const order = await loadOrderOrNotFound(context, orderId);
    return { reference: order.reference };
  },
  head: ({ loaderData }) => ({ meta: [{ title: `Packing slip ${loaderData?.reference ?? ""} · Stockroom Admin` }] }),
  notFoundComponent: OrderNotFound,
  component: PackingSlipPage,
});

function PackingSlipPage() {
  const { trpc } = Route.useRouteContext();
  const { orderId } = Route.useParams();
  const { data: order } = useSuspenseQuery(trpc.orders.get.queryOptions({ orderId }));
  return (
    <div className="page packing-slip-page">
      <div className="packing-slip-toolbar no-print">
        <Link to="/orders/$orderId" params={{ orderId }}>
          ← Order {order.reference}
        </Link>
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <PackingSlip order={order} />
    </div>
  );
}
