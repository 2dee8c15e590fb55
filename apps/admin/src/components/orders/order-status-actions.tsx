import type { OrderStatus } from "@stockroom/contracts";
import { errorMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { Order } from "../../lib/api-types.ts";
import { formatDateTime } from "../../lib/format.ts";
import { newIdempotencyKey } from "../../lib/idempotency.ts";
import { useCan } from "../../lib/permissions.tsx";
import { useAppContext } from "../../lib/use-app-context.ts";
import { useStockInvalidation } from "../../lib/use-stock-invalidation.ts";
import { FormAlert } from "../form-parts.tsx";
import { Section } from "../section.tsx";
import { CancelOrderForm } from "./cancel-order-form.tsx";
import { type StatusChange, StatusChangeResult } from "./status-change-result.tsx";

const ACTION_LABELS: Record<OrderStatus, string> = {
  PENDING: "Back to pending",
  CONFIRMED: "Confirm",
  DISPATCHED: "Mark dispatched",
  DELIVERED: "Mark delivered",
  CANCELLED: "Cancel order",
};

/** The order's next steps the role may take; cancelling asks for a reason the customer is shown. */
export function OrderStatusActions({ order }: { order: Order }) {
  const { trpc } = useAppContext();
  const invalidate = useStockInvalidation();
  const [change, setChange] = useState<StatusChange | null>(null);
  const [isCancelling, setIsCancelling] = useState(false);
  // One key per intended transition: a double click or a retry of the same move is applied once.
  const keys = useRef(new Map<OrderStatus, string>());
  const can = useCan();
  const nextSteps = order.allowedNext.filter((status) => can(status === "CANCELLED" ? "orders.cancel" : "orders.fulfil"));
  const setStatus = useMutation(
    trpc.orders.setStatus.mutationOptions({
      onSuccess: async (result) => {
        keys.current.clear();
        setChange(result);
        setIsCancelling(false);
        await invalidate();
      },
    }),
  );
  if (order.allowedNext.length > 0 && nextSteps.length === 0) return null;

  const move = (status: OrderStatus, reason?: string) => {
    let key = keys.current.get(status);
    if (!key) {
      key = newIdempotencyKey();
      keys.current.set(status, key);
    }
    setChange(null);
    setStatus.mutate({ orderId: order.id, status, reason, idempotencyKey: key });
  };
  const isCancelError = setStatus.variables?.status === "CANCELLED";

  return (
    <Section
      title="Next step"
      description={
        order.allowedNext.length
          ? undefined
          : order.status === "DELIVERED"
            ? "Delivered: its status is final. Units the customer sends back are taken in under Returns."
            : "This order is final: nothing more can happen to it."
      }
    >
      <FormAlert message={setStatus.isError && !isCancelError ? errorMessage(setStatus.error) : null} />
      {nextSteps.length ? (
        <div className="button-row">
          {nextSteps.map((status) => (
            <button
              key={status}
              type="button"
              className={status === "CANCELLED" ? "button button-danger-outline" : "button"}
              onClick={() => (status === "CANCELLED" ? setIsCancelling(true) : move(status))}
              disabled={setStatus.isPending || (status === "CANCELLED" && isCancelling)}
              aria-expanded={status === "CANCELLED" ? isCancelling : undefined}
            >
              {setStatus.isPending && setStatus.variables?.status === status ? "Saving…" : ACTION_LABELS[status]}
            </button>
          ))}
        </div>
      ) : null}
      {isCancelling && nextSteps.includes("CANCELLED") ? (
        <CancelOrderForm
          orderReference={order.reference}
          isPending={setStatus.isPending}
          serverError={isCancelError ? setStatus.error : null}
          onCancel={(reason) => move("CANCELLED", reason)}
          onKeep={() => setIsCancelling(false)}
        />
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
  );
}
