import { errorMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ApiOutputs } from "../../lib/api-types.ts";
import { useAppContext } from "../../lib/use-app-context.ts";

type PurchaseOrder = ApiOutputs["purchaseOrders"]["get"];

export function usePurchaseOrderRefresh() {
  const { trpc, queryClient } = useAppContext();
  return () => Promise.all([queryClient.invalidateQueries(trpc.purchaseOrders.pathFilter()), queryClient.invalidateQueries(trpc.reports.pathFilter())]);
}

/** Approve (sends it), reject with a reason, or cancel an approved order before anything arrived. */
export function PurchaseOrderActions({ order }: { order: PurchaseOrder }) {
  const { trpc } = useAppContext();
  const refresh = usePurchaseOrderRefresh();
  const [reason, setReason] = useState("");
  const approve = useMutation(trpc.purchaseOrders.approve.mutationOptions({ onSuccess: refresh }));
  const reject = useMutation(trpc.purchaseOrders.reject.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.purchaseOrders.cancel.mutationOptions({ onSuccess: refresh }));
  const failure = approve.error ?? reject.error ?? cancel.error;
  const isAwaiting = order.status === "PENDING_APPROVAL" || order.status === "DRAFT";
  if (!isAwaiting && order.status !== "APPROVED") return null;
  return (
    <div className="row-actions po-actions">
      {isAwaiting ? (
        <>
          <button type="button" className="button" disabled={approve.isPending} onClick={() => approve.mutate({ purchaseOrderId: order.id })}>
            {approve.isPending ? "Approving…" : `Approve and send by ${order.supplier.channel === "EMAIL" ? "email" : "webhook"}`}
          </button>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              reject.mutate({ purchaseOrderId: order.id, reason });
            }}
          >
            <input
              aria-label="Reason for rejecting"
              placeholder="Reason for rejecting"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
            />
            <button type="submit" className="button button-danger-outline" disabled={reject.isPending}>
              Reject
            </button>
          </form>
        </>
      ) : (
        <button
          type="button"
          className="button button-danger-outline"
          onClick={() => {
            if (window.confirm(`Cancel ${order.reference}? Tell the supplier too.`)) cancel.mutate({ purchaseOrderId: order.id });
          }}
        >
          Cancel order
        </button>
      )}
      {failure ? (
        <span className="field-error" role="alert">
          {errorMessage(failure)}
        </span>
      ) : null}
    </div>
  );
}
