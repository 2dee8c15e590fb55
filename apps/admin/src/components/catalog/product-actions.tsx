import { errorMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { ApiOutputs } from "../../lib/api-types.ts";
import { useAppContext } from "../../lib/use-app-context.ts";

type Product = ApiOutputs["products"]["get"];

/** Duplicate (asks for the new SKU), archive (confirmed) and restore. */
export function ProductActions({ product }: { product: Product }) {
  const { trpc, queryClient } = useAppContext();
  const navigate = useNavigate();
  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.products.pathFilter()), queryClient.invalidateQueries(trpc.reports.pathFilter())]);
  const archive = useMutation(trpc.products.archive.mutationOptions({ onSuccess: refresh }));
  const restore = useMutation(trpc.products.restore.mutationOptions({ onSuccess: refresh }));
  const duplicate = useMutation(
    trpc.products.duplicate.mutationOptions({
      onSuccess: async (copy) => {
        await refresh();
        await navigate({
          to: "/products/$productId",
          params: { productId: copy.id },
          search: (prev: { producerId?: string }) => ({ producerId: prev.producerId }),
        });
      },
    }),
  );
  const failure = archive.error ?? restore.error ?? duplicate.error;

  return (
    <div className="page-actions">
      <button
        type="button"
        className="button button-secondary"
        disabled={duplicate.isPending}
        onClick={() => {
          const sku = window.prompt(`SKU for the copy of ${product.name}:`, `${product.sku}-COPY`);
          if (sku) duplicate.mutate({ productId: product.id, sku });
        }}
      >
        Duplicate
      </button>
      {product.archivedAt ? (
        <button type="button" className="button" disabled={restore.isPending} onClick={() => restore.mutate({ productId: product.id })}>
          Restore
        </button>
      ) : (
        <button
          type="button"
          className="button button-danger-outline"
          disabled={archive.isPending}
          onClick={() => {
            if (window.confirm(`Archive ${product.name}? It leaves the shop and cannot be held; its stock and history stay.`))
              archive.mutate({ productId: product.id });
          }}
        >
          Archive
        </button>
      )}
      {failure ? (
        <p className="field-error" role="alert">
          {errorMessage(failure)}
        </p>
      ) : null}
    </div>
  );
}
