import { formatMoney } from "@stockroom/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { PurchaseOrderActions } from "../../../components/purchasing/purchase-order-actions.tsx";
import { PurchaseOrderLines } from "../../../components/purchasing/purchase-order-lines.tsx";
import { PurchaseOrderStatusBadge } from "../../../components/purchasing/purchase-order-status.tsx";
import { ReceiveAgainstPo } from "../../../components/purchasing/receive-against-po.tsx";
import { Section } from "../../../components/section.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useCan } from "../../../lib/permissions.tsx";
import { useAppContext } from "../../../lib/use-app-context.ts";

export const Route = createFileRoute("/_authed/purchase-orders/$purchaseOrderId")({
  loader: ({ context: { queryClient, trpc }, params }) =>
    queryClient.ensureQueryData(trpc.purchaseOrders.get.queryOptions({ purchaseOrderId: params.purchaseOrderId })),
  head: ({ loaderData }) => ({ meta: [{ title: `${loaderData?.reference ?? "Purchase order"} · Stockroom Admin` }] }),
  component: PurchaseOrderPage,
});

function PurchaseOrderPage() {
  const { trpc } = useAppContext();
  const { purchaseOrderId } = Route.useParams();
  const { data: order } = useSuspenseQuery(trpc.purchaseOrders.get.queryOptions({ purchaseOrderId }));
  const can = useCan();
  const total = order.lines.reduce((sum, l) => sum + l.quantity * (l.unitCostCents ?? 0), 0);
  const canReceive = can("stock.receive") && (order.status === "APPROVED" || order.status === "PARTIALLY_RECEIVED");
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/purchase-orders">Purchase orders</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{order.reference}</span>
      </nav>
      <div className="page-heading page-heading-row">
        <div>
          <h1>
            {order.reference} <PurchaseOrderStatusBadge status={order.status} />
          </h1>
          <p className="muted">
            <Link to="/suppliers/$supplierId" params={{ supplierId: order.supplier.id }}>
              {order.supplier.name}
            </Link>{" "}
            · {order.isAutoDrafted ? "Drafted by the reorder job" : "Drafted by staff"} on {formatDateTime(order.createdAt)}
            {can("costs.view") ? ` · ${formatMoney(total)}` : ""}
          </p>
        </div>
      </div>
      {can("purchasing.manage") ? <PurchaseOrderActions order={order} /> : null}
      {order.approvedAt || order.shipmentConfirmedAt || order.rejectReason ? (
        <Section title="Sending and shipment">
          <dl className="order-facts">
            {order.approvedAt ? (
              <>
                <dt>Approved</dt>
                <dd>{formatDateTime(order.approvedAt)}</dd>
                <dt>Sent</dt>
                <dd>
                  {order.sentAt
                    ? `${formatDateTime(order.sentAt)} by ${order.supplier.channel === "EMAIL" ? "email" : "webhook"}`
                    : (order.sendError ?? "Sending…")}
                </dd>
              </>
            ) : null}
            {order.shipmentConfirmedAt ? (
              <>
                <dt>Shipment confirmed</dt>
                <dd>
                  {formatDateTime(order.shipmentConfirmedAt)} · expected {order.shipmentExpectedOn}
                </dd>
              </>
            ) : null}
            {order.rejectReason ? (
              <>
                <dt>Rejected</dt>
                <dd>{order.rejectReason}</dd>
              </>
            ) : null}
          </dl>
        </Section>
      ) : null}
      <Section title="Lines">
        <PurchaseOrderLines order={order} canEdit={can("purchasing.manage")} />
      </Section>
      {canReceive ? (
        <Section title="Receive a delivery" description="Each lot with its number and expiry; never more than is outstanding.">
          <ReceiveAgainstPo order={order} />
        </Section>
      ) : null}
      {order.receipts.length > 0 ? (
        <Section title="Receipts">
          <ul className="plain-list">
            {order.receipts.map((r) => (
              <li key={`${r.lotNumber}-${r.at}`}>
                {formatDateTime(r.at)}: {r.quantity} × {r.productName}, lot {r.lotNumber}
                {r.expiryDate ? ` (use by ${r.expiryDate})` : ""} into {r.locationName}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
