import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { ProductDetail } from "../../lib/api-types.ts";
import { formatCount } from "../../lib/format.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { parseWholeNumber, useFormErrors } from "../../lib/use-form-errors.ts";
import { Field, FormAlert, FormSuccess } from "../field.tsx";

/** The stock rules of a product: its minimum level (low-stock alerts) and whether stock is tracked at all. */
export function ProductSettingsForm({ product }: { product: ProductDetail["product"] }) {
  const { trpc, queryClient } = useAppContext();
  const [done, setDone] = useState<string | null>(null);
  const update = useMutation(trpc.products.update.mutationOptions());
  const errors = useFormErrors(update.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const data = new FormData(event.currentTarget);
    const minStockLevel = parseWholeNumber(String(data.get("minStockLevel") ?? ""), { min: 0 });
    const trackInventory = data.get("trackInventory") === "on";
    const problems: Record<string, string> = {};
    if (typeof minStockLevel === "string")
      problems.minStockLevel = minStockLevel === "Must be at least 0." ? "Minimum level cannot be negative." : minStockLevel;
    if (!errors.check(problems) || typeof minStockLevel === "string") return;
    update.mutate(
      { productId: product.id, minStockLevel, trackInventory },
      {
        onSuccess: async (saved) => {
          setDone(`Saved: minimum ${formatCount(saved.minStockLevel)}, ${saved.trackInventory ? "stock tracked" : "stock not tracked"}.`);
          await Promise.all([
            queryClient.invalidateQueries(trpc.reports.pathFilter()),
            queryClient.invalidateQueries(trpc.products.pathFilter()),
            queryClient.invalidateQueries(trpc.alerts.pathFilter()),
          ]);
        },
      },
    );
  };

  return (
    <form className="stock-form" onSubmit={submit} noValidate aria-label="Stock settings">
      <FormAlert message={errors.message} />
      <div className="form-grid">
        <Field label="Minimum stock level" hint="A low-stock alert opens when available stock falls below this." error={errors.error("minStockLevel")}>
          {(props) => <input {...props} name="minStockLevel" inputMode="numeric" defaultValue={product.minStockLevel} autoComplete="off" />}
        </Field>
        <div className="field field-checkbox">
          <label>
            <input type="checkbox" name="trackInventory" defaultChecked={product.trackInventory} />
            Track stock for this product
          </label>
          <p className="field-hint">Untracked products (made to order) are always available.</p>
          {errors.error("trackInventory") ? <p className="field-error">{errors.error("trackInventory")}</p> : null}
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save settings"}
        </button>
        <FormSuccess message={done} />
      </div>
    </form>
  );
}
