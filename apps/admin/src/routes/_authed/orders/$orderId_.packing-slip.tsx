import { isNotFound } from "@stockroom/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link, notFound } from "@tanstack/react-router";
import { z } from "zod";
import { PackingSlip } from "../../../components/orders/packing-slip.tsx";

/** A printable packing slip: the page's chrome is hidden when printing (orders.css, `@media print`). */
export const Route = createFileRoute("/_authed/orders/$orderId_/packing-slip")({
  loader: async ({ context: { queryClient, trpc }, params: { orderId } }) => {
    if (!z.uuid().safeParse(orderId).success) throw notFound();
    try {
      const order = await queryClient.ensureQueryData(trpc.orders.get.queryOptions({ orderId }));
      return { reference: order.reference };
    } catch (error) {
      if (isNotFound(error)) throw notFound();
      throw error;
    }
  },
  head: ({ loaderData }) => ({ meta: [{ title: `Packing slip ${loaderData?.reference ?? ""} · Stockroom Admin` }] }),
  notFoundComponent: () => (
    <div className="notice-page">
      <h1>Order not found</h1>
      <p>There is no order at this address that you can see.</p>
      <Link to="/orders" className="button">
        Back to orders
      </Link>
    </div>
  ),
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
          ← Order #{order.number}
        </Link>
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <PackingSlip order={order} />
    </div>
  );
}
