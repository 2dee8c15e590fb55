import { updateProductInput } from "@stockroom/contracts";
import { FormField, fieldMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import type { ProductDetail } from "../../lib/api-types.ts";
import { wholeNumberText } from "../../lib/form-text.ts";
import { formatCount } from "../../lib/format.ts";
import { useApiForm } from "../../lib/use-api-form.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";

const schema = z.object({
  minStockLevel: wholeNumberText(updateProductInput.shape.minStockLevel.unwrap()),
  trackInventory: z.boolean(),
  /** Empty: the shop's default limit. */
  maxPerCart: z.union([z.literal("").transform(() => null), wholeNumberText(updateProductInput.shape.maxPerCart.unwrap().unwrap())]),
});

/** The stock rules of a product: its minimum level (low-stock alerts) and whether stock is tracked at all. */
export function ProductSettingsForm({ product }: { product: ProductDetail["product"] }) {
  const { trpc, queryClient } = useAppContext();
  const [done, setDone] = useState<string | null>(null);
  const update = useMutation(trpc.products.update.mutationOptions());
  const { form, message } = useApiForm({
    schema,
    defaultValues: {
      minStockLevel: String(product.minStockLevel),
      trackInventory: product.trackInventory,
      maxPerCart: product.maxPerCart === null ? "" : String(product.maxPerCart),
    },
    serverError: update.error,
  });
  const trackError = fieldMessage(form.formState.errors, "trackInventory");

  const submit = form.handleSubmit((values) => {
    setDone(null);
    update.mutate(
      { productId: product.id, ...values },
      {
        onSuccess: async (saved) => {
          const limit = saved.maxPerCart === null ? "default limit per order" : `at most ${formatCount(saved.maxPerCart)} per order`;
          setDone(`Saved: minimum ${formatCount(saved.minStockLevel)}, ${saved.trackInventory ? "stock tracked" : "stock not tracked"}, ${limit}.`);
          await Promise.all([
            queryClient.invalidateQueries(trpc.reports.pathFilter()),
            queryClient.invalidateQueries(trpc.products.pathFilter()),
            queryClient.invalidateQueries(trpc.alerts.pathFilter()),
          ]);
        },
      },
    );
  });

  return (
    <form className="stock-form" onSubmit={submit} noValidate aria-label="Stock settings">
      <FormAlert message={message} />
      <div className="form-grid">
        <FormField form={form} name="minStockLevel" label="Minimum stock level" hint="A low-stock alert opens when available stock falls below this.">
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="maxPerCart" label="Most per order" hint="Units one cart or order may hold. Empty: the shop's default.">
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
        </FormField>
        <div className="field field-checkbox">
          <label>
            <input type="checkbox" {...form.register("trackInventory")} />
            Track stock for this product
          </label>
          <p className="field-hint">Untracked products (made to order) are always available.</p>
          {trackError ? <p className="field-error">{trackError}</p> : null}
        </div>
      </div>
      <FormActions label="Save settings" pendingLabel="Saving…" isPending={update.isPending} done={done} />
    </form>
  );
}
