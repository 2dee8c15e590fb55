import { FormField } from "@stockroom/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { moneyText, wholeNumberText } from "../../lib/form-text.ts";
import { useApiForm } from "../../lib/use-api-form.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";

const schema = z.object({
  productId: z.string().uuid("Choose a product."),
  supplierSku: z.string().trim().max(64),
  unitCostCents: moneyText(z.number().int().min(0).max(1_000_000_000)),
  packSize: wholeNumberText(z.number().int().min(1, "Pack size is at least 1.").max(100_000)),
  minOrderQuantity: wholeNumberText(z.number().int().min(1, "Minimum order is at least 1.").max(1_000_000)),
  isPreferred: z.boolean(),
});

/** Adds or updates what this supplier sells of one product (their SKU, cost, pack, minimum; preferred for reorders). */
export function SupplierProductForm({ supplierId, producerId }: { supplierId: string; producerId: string }) {
  const { trpc, queryClient } = useAppContext();
  const products = useQuery(trpc.products.list.queryOptions({ producerId }));
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation(trpc.suppliers.setProduct.mutationOptions());
  const { form, message } = useApiForm({
    schema,
    serverError: save.error,
    defaultValues: { productId: "", supplierSku: "", unitCostCents: "", packSize: "1", minOrderQuantity: "1", isPreferred: true },
  });
  const submit = form.handleSubmit((values) =>
    save.mutate(
      { ...values, supplierId, supplierSku: values.supplierSku || null },
      {
        onSuccess: async () => {
          setDone("Saved.");
          await queryClient.invalidateQueries(trpc.suppliers.pathFilter());
        },
      },
    ),
  );
  return (
    <form className="stock-form supplier-product-form" onSubmit={submit} noValidate aria-label="Supplier product">
      <FormAlert message={message} />
      <div className="form-grid">
        <FormField form={form} name="productId" label="Product">
          {(props) => (
            <select {...props}>
              <option value="">Choose…</option>
              {(products.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.sku})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField form={form} name="supplierSku" label="Their SKU">
          {(props) => <input {...props} autoComplete="off" />}
        </FormField>
        <FormField form={form} name="unitCostCents" label="Cost per unit">
          {(props) => <input {...props} inputMode="decimal" placeholder="2.49" />}
        </FormField>
        <FormField form={form} name="packSize" label="Pack size">
          {(props) => <input {...props} inputMode="numeric" />}
        </FormField>
        <FormField form={form} name="minOrderQuantity" label="Minimum order">
          {(props) => <input {...props} inputMode="numeric" />}
        </FormField>
        <div className="field field-checkbox">
          <label>
            <input type="checkbox" {...form.register("isPreferred")} />
            Preferred supplier (reorders go here)
          </label>
        </div>
      </div>
      <FormActions label="Save product" pendingLabel="Saving…" isPending={save.isPending} done={done} />
    </form>
  );
}
