import { errorMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useCan } from "../../lib/permissions.tsx";
import { useAppContext } from "../../lib/use-app-context.ts";

/** The restock table's action: drafts (or opens) the product's purchase order for its preferred supplier. */
export function DraftPoButton({ productId, name }: { productId: string; name: string }) {
  const { trpc, queryClient } = useAppContext();
  const navigate = useNavigate();
  const draft = useMutation(
    trpc.purchaseOrders.draft.mutationOptions({
      onSuccess: async ({ purchaseOrderId }) => {
        await queryClient.invalidateQueries(trpc.purchaseOrders.pathFilter());
        await navigate({ to: "/purchase-orders/$purchaseOrderId", params: { purchaseOrderId } });
      },
    }),
  );
  if (!useCan()("purchasing.manage")) return null;
  return (
    <span className="row-actions">
      <button
        type="button"
        className="button button-secondary button-small"
        aria-label={`Draft a purchase order for ${name}`}
        disabled={draft.isPending}
        onClick={() => draft.mutate({ productId })}
      >
        Draft PO
      </button>
      {draft.error ? (
        <span className="field-error" role="alert">
          {errorMessage(draft.error)}
        </span>
      ) : null}
    </span>
  );
}
