import { MAX_CANCEL_REASON_LENGTH, type OrderStatus } from "@stockroom/contracts";
import { errorMessage, formatMoney, isNotFound } from "@stockroom/ui";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link, notFound } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { z } from "zod";
import { Badge, ORDER_STATUS_LABELS, OrderStatusBadge } from "../../../components/badges.tsx";
import { column } from "../../../components/data-table/columns.tsx";
import { DataTable } from "../../../components/data-table/data-table.tsx";
import { productColumn } from "../../../components/data-table/product-column.tsx";
import { FormAlert } from "../../../components/form-parts.tsx";
import { OrderReturns } from "../../../components/order-returns.tsx";
import { Section } from "../../../components/section.tsx";
import type { ApiOutputs, Order } from "../../../lib/api-types.ts";
import { formatCount, formatDateTime, formatDay, formatSigned } from "../../../lib/format.ts";
import { newIdempotencyKey } from "../../../lib/idempotency.ts";
import { useCan } from "../../../lib/permissions.tsx";
import { useStockInvalidation } from "../../../lib/use-stock-invalidation.ts";

type StatusChange = ApiOutputs["orders"]["setStatus"];
type OrderLine = Order["lines"][number];

const LINE_COLUMNS = [
  productColumn<OrderLine>((line) => ({ productId: line.productId, name: line.name, sku: line.sku })),
  column<OrderLine>("Quantity", (line) => formatCount(line.quantity), { numeric: true }),
  column<OrderLine>("Unit price", (line) => formatMoney(line.unitPriceCents), { numeric: true }),
  column<OrderLine>("Line total", (line) => formatMoney(line.unitPriceCents * line.quantity), { numeric: true }),
  column<OrderLine>(
    "Lots",
    (line) =>
      line.lots.length === 0 ? (
        <span className="muted">None (not tracked)</span>
      ) : (
        <ul className="plain-list">
          {line.lots.map((lot) => (
            <li key={lot.lotId}>
              {formatCount(lot.quantity)} × lot {lot.lotNumber} · {lot.location}
              {lot.expiryDate ? ` · expires ${formatDay(lot.expiryDate)}` : null}
            </li>
          ))}
        </ul>
      ),
    { className: "wrap" },
  ),
];

export const Route = createFileRoute("/_authed/orders/$orderId")({
  loader: async ({ context: { queryClient, trpc }, params: { orderId } }) => {
    if (!z.uuid().safeParse(orderId).success) throw notFound();
    try {
      const order = await queryClient.ensureQueryData(trpc.orders.get.queryOptions({ orderId }));
      return { number: order.number };
    } catch (error) {
      if (isNotFound(error)) throw notFound();
      throw error;
    }
  },
  head: ({ loaderData }) => ({ meta: [{ title: `Order #${loaderData?.number ?? ""} · Stockroom Admin` }] }),
  notFoundComponent: () => (
    <div className="notice-page">
      <h1>Order not found</h1>
      <p>There is no order at this address that you can see.</p>
      <Link to="/orders" className="button">
        Back to orders
      </Link>
    </div>
  ),
  component: OrderPage,
});

const ACTION_LABELS: Record<OrderStatus, string> = {
  PENDING: "Back to pending",
  CONFIRMED: "Confirm",
  DISPATCHED: "Mark dispatched",
  DELIVERED: "Mark delivered",
  CANCELLED: "Cancel order",
};

function OrderPage() {
  const { trpc } = Route.useRouteContext();
  const { orderId } = Route.useParams();
  const { data: order } = useSuspenseQuery(trpc.orders.get.queryOptions({ orderId }));
  const invalidate = useStockInvalidation();
  const [change, setChange] = useState<StatusChange | null>(null);
  const [cancelReason, setCancelReason] = useState("");
  // One key per intended transition: a double click or a retry of the same move is applied once.
  const keys = useRef(new Map<OrderStatus, string>());
  const can = useCan();
  const nextSteps = order.allowedNext.filter((status) => can(status === "CANCELLED" ? "orders.cancel" : "orders.fulfil"));
  const setStatus = useMutation(
    trpc.orders.setStatus.mutationOptions({
      onSuccess: async (result) => {
        keys.current.clear();
        setChange(result);
        await invalidate();
      },
    }),
  );

  const move = (status: OrderStatus) => {
    if (status === "CANCELLED" && !window.confirm(`Cancel order #${order.number}? Its reserved stock goes back on sale.`)) return;
    let key = keys.current.get(status);
    if (!key) {
      key = newIdempotencyKey();
      keys.current.set(status, key);
    }
    setChange(null);
    const reason = status === "CANCELLED" ? cancelReason.trim() || undefined : undefined;
    setStatus.mutate({ orderId, status, reason, idempotencyKey: key });
  };

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/orders">Orders</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Order #{order.number}</span>
      </nav>
      <div className="page-heading page-heading-row">
        <div>
          <h1>Order #{order.number}</h1>
          <p className="muted">
            {order.reference} · Placed {formatDateTime(order.createdAt)} · {formatMoney(order.totalCents)}
          </p>
        </div>
        <div className="order-status" aria-live="polite">
          <span className="muted small">Status</span> <OrderStatusBadge status={order.status} />
        </div>
      </div>
      {order.allowedNext.length > 0 && nextSteps.length === 0 ? null : (
        <Section title="Next step" description={order.allowedNext.length ? undefined : "This order is final: nothing more can happen to it."}>
          <FormAlert message={setStatus.isError ? errorMessage(setStatus.error) : null} />
          {nextSteps.length ? (
            <div className="button-row">
              {nextSteps.map((status) => (
                <button
                  key={status}
                  type="button"
                  className={status === "CANCELLED" ? "button button-danger-outline" : "button"}
                  onClick={() => move(status)}
                  disabled={setStatus.isPending}
                >
                  {setStatus.isPending && setStatus.variables?.status === status ? "Saving…" : ACTION_LABELS[status]}
                </button>
              ))}
            </div>
          ) : null}
          {nextSteps.includes("CANCELLED") ? (
            <label className="field cancel-reason">
              <span>Reason if cancelling (optional, shown to the customer)</span>
              <input value={cancelReason} maxLength={MAX_CANCEL_REASON_LENGTH} onChange={(event) => setCancelReason(event.target.value)} />
            </label>
          ) : null}
          {order.status === "CANCELLED" && order.cancelledAt ? (
            <p className="order-cancel-reason">
              Cancelled {formatDateTime(order.cancelledAt)}
              {order.cancelReason ? `: ${order.cancelReason}` : null}.
            </p>
          ) : null}
          {change ? <StatusChangeResult change={change} order={order} /> : null}
          {order.stockMovedAt ? <p className="muted small">Stock left the shelves {formatDateTime(order.stockMovedAt)}.</p> : null}
        </Section>
      )}
      <Section title="Items" description="With the lots allocated to each line (first to expire, first out).">
        <DataTable data={order.lines} columns={LINE_COLUMNS} getRowId={(line) => line.productId} className="data-table order-lines-table" />
      </Section>
      <OrderReturns order={order} />
    </div>
  );
}

/** What the last transition did; when stock left on hand, the movements it wrote. */
function StatusChangeResult({ change, order }: { change: StatusChange; order: Order }) {
  const lots = new Map(order.lines.flatMap((line) => line.lots.map((lot) => [lot.lotId, lot.lotNumber] as const)));
  const products = new Map(order.lines.map((line) => [line.productId, line.name] as const));
  return (
    <div className="status-change" role="status">
      <p>
        Order #{change.number} is now <strong>{ORDER_STATUS_LABELS[change.status].toLowerCase()}</strong>.
      </p>
      {change.movements.length > 0 ? (
        <div className="stock-updated">
          <Badge tone="success">Stock updated</Badge>
          <ul className="plain-list" aria-label="Stock movements written">
            {change.movements.map((movement) => {
              // A lot that expired before dispatch is swapped for another (FEFO), so the lot may be new to this page.
              const lotNumber = lots.get(movement.lotId);
              return (
                <li key={movement.id}>
                  {products.get(movement.productId) ?? "Product"}
                  {lotNumber ? `, lot ${lotNumber}` : null}: {formatSigned(movement.quantity)} (on hand {formatCount(movement.previousOnHand)} →{" "}
                  {formatCount(movement.newOnHand)})
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
