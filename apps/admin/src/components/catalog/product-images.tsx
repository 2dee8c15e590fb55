import { CSRF_HEADER } from "@stockroom/api/client";
import { MAX_PRODUCT_IMAGES } from "@stockroom/contracts";
import { errorMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { ApiOutputs } from "../../lib/api-types.ts";
import { useCan } from "../../lib/permissions.tsx";
import { useAppContext } from "../../lib/use-app-context.ts";

type Product = ApiOutputs["products"]["get"];

/** Sends one file to the upload route; a refusal's reason (it names the `file` field) becomes the error. */
async function uploadImage(productId: string, file: File): Promise<void> {
  const body = new FormData();
  body.append("file", file);
  const response = await fetch(`/api/products/${productId}/images`, { method: "POST", body, headers: { [CSRF_HEADER]: "1" }, credentials: "include" });
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
    throw new Error(answer?.error?.fields?.file ?? answer?.error?.message ?? `Upload failed (${response.status}).`);
  }
}

/** The product's pictures, in the order the shop shows them: upload, remove, move. */
export function ProductImages({ product }: { product: Product }) {
  const { trpc, queryClient } = useAppContext();
  const canEdit = useCan()("catalog.edit");
  const inputId = useId();
  const [uploadError, setUploadError] = useState<string | null>(null);
  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.products.pathFilter()), queryClient.invalidateQueries(trpc.catalog.pathFilter())]);
  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      for (const file of files) await uploadImage(product.id, file);
    },
    onMutate: () => setUploadError(null),
    onError: (error) => setUploadError(error.message),
    onSettled: refresh,
  });
  const remove = useMutation(trpc.products.removeImage.mutationOptions({ onSuccess: refresh }));
  const reorder = useMutation(trpc.products.reorderImages.mutationOptions({ onSuccess: refresh }));
  const ids = product.images.map((image) => image.id);
  const move = (index: number, by: number) => {
    const next = [...ids];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    reorder.mutate({ productId: product.id, imageIds: next });
  };
  const failure = uploadError ?? (remove.error ? errorMessage(remove.error) : reorder.error ? errorMessage(reorder.error) : null);

  return (
    <div className="product-images">
      {product.images.length === 0 ? <p className="muted">No pictures yet. The shop shows a plain tile instead.</p> : null}
      <ol className="image-list">
        {product.images.map((image, index) => (
          <li key={image.id} className="image-item">
            <img
              src={image.thumbUrl}
              width={160}
              height={Math.round((160 * image.height) / image.width)}
              alt={image.altText ?? `${product.name}, picture ${index + 1}`}
              loading="lazy"
            />
            {canEdit ? (
              <div className="image-actions">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={index === 0 || reorder.isPending}
                  onClick={() => move(index, -1)}
                  aria-label={`Move picture ${index + 1} earlier`}
                >
                  ←
                </button>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={index === ids.length - 1 || reorder.isPending}
                  onClick={() => move(index, 1)}
                  aria-label={`Move picture ${index + 1} later`}
                >
                  →
                </button>
                <button
                  type="button"
                  className="button button-danger button-small"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ productId: product.id, imageId: image.id })}
                  aria-label={`Remove picture ${index + 1}`}
                >
                  Remove
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit && product.images.length < MAX_PRODUCT_IMAGES ? (
        <div className="field">
          <label htmlFor={inputId}>Add pictures</label>
          <input
            id={inputId}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            multiple
            disabled={upload.isPending}
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = "";
              if (files.length > 0) upload.mutate(files);
            }}
          />
          <p className="field-hint">PNG, JPEG or WebP, up to 8 MB each. {upload.isPending ? "Uploading…" : null}</p>
        </div>
      ) : null}
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
