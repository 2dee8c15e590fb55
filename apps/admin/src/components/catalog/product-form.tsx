import { createProductInput } from "@stockroom/contracts";
import { FormField, fieldMessage } from "@stockroom/ui";
import { z } from "zod";
import type { ApiOutputs } from "../../lib/api-types.ts";
import { moneyText, wholeNumberText } from "../../lib/form-text.ts";
import { useApiForm } from "../../lib/use-api-form.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";

const rules = createProductInput.shape;
const optionalNumber = <T extends z.ZodType<unknown, number>>(rule: T) => z.union([z.literal("").transform(() => null), wholeNumberText(rule)]);
const optionalString = <T extends z.ZodType<unknown, string | null>>(rule: T) =>
  z
    .string()
    .transform((text) => text.trim() || null)
    .pipe(rule);

/** Text inputs parsed, then the contract's own rules: the browser checks what the server checks. */
const schema = z.object({
  sku: rules.sku,
  name: rules.name,
  category: rules.category,
  description: optionalString(rules.description.unwrap()),
  priceCents: moneyText(rules.priceCents),
  unitCostCents: moneyText(rules.unitCostCents),
  minStockLevel: wholeNumberText(rules.minStockLevel.unwrap()),
  leadTimeDays: wholeNumberText(rules.leadTimeDays.unwrap()),
  barcode: optionalString(rules.barcode.unwrap()),
  maxPerCart: optionalNumber(rules.maxPerCart.unwrap().unwrap()),
  minShelfLifeDays: optionalNumber(rules.minShelfLifeDays.unwrap().unwrap()),
  trackInventory: z.boolean(),
  requiresExpiryDate: z.boolean(),
});
export type ProductFormValues = z.output<typeof schema>;
type Product = ApiOutputs["products"]["get"];

const pounds = (cents: number) => (cents / 100).toFixed(2);
const text = (value: number | string | null | undefined) => (value === null || value === undefined ? "" : String(value));

function defaultsOf(product: Product | undefined) {
  return {
    sku: product?.sku ?? "",
    name: product?.name ?? "",
    category: product?.category ?? "",
    description: product?.description ?? "",
    priceCents: product ? pounds(product.priceCents) : "",
    unitCostCents: product?.unitCostCents != null ? pounds(product.unitCostCents) : "",
    minStockLevel: text(product?.minStockLevel ?? 0),
    leadTimeDays: text(product?.leadTimeDays ?? 7),
    barcode: product?.barcode ?? "",
    maxPerCart: text(product?.maxPerCart),
    minShelfLifeDays: text(product?.minShelfLifeDays),
    trackInventory: product?.trackInventory ?? true,
    requiresExpiryDate: product?.requiresExpiryDate ?? false,
  };
}

interface ProductFormProps {
  product?: Product;
  categories: string[];
  serverError: unknown;
  isPending: boolean;
  done: string | null;
  submitLabel: string;
  onSubmit: (values: ProductFormValues) => void;
}

/** Every field of a product, for the new-product page and the edit page. */
export function ProductForm({ product, categories, serverError, isPending, done, submitLabel, onSubmit }: ProductFormProps) {
  const { form, message } = useApiForm({ schema, defaultValues: defaultsOf(product), serverError });
  const checkbox = (name: "trackInventory" | "requiresExpiryDate", label: string, hint: string) => (
    <div className="field field-checkbox">
      <label>
        <input type="checkbox" {...form.register(name)} />
        {label}
      </label>
      <p className="field-hint">{hint}</p>
      {fieldMessage(form.formState.errors, name) ? <p className="field-error">{fieldMessage(form.formState.errors, name)}</p> : null}
    </div>
  );
  return (
    <form className="stock-form product-form" onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Product">
      <FormAlert message={message} />
      <div className="form-grid">
        <FormField form={form} name="name" label="Name">
          {(props) => <input {...props} autoComplete="off" />}
        </FormField>
        <FormField form={form} name="sku" label="SKU" hint="Unique among your products.">
          {(props) => <input {...props} autoComplete="off" />}
        </FormField>
        <FormField form={form} name="category" label="Category">
          {(props) => <input {...props} list="product-categories" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="barcode" label="Barcode" hint="Optional (EAN, UPC…).">
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="priceCents" label="Price (£)">
          {(props) => <input {...props} inputMode="decimal" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="unitCostCents" label="Unit cost (£)">
          {(props) => <input {...props} inputMode="decimal" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="minStockLevel" label="Minimum stock level" hint="A low-stock alert opens below this.">
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="leadTimeDays" label="Lead time (days)" hint="Days from ordering to delivery.">
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="maxPerCart" label="Most per order" hint="Empty: the shop's default.">
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="minShelfLifeDays" label="Minimum shelf life (days)" hint="Days a lot must have left to be sold. Empty: no rule.">
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="description" label="Description" className="field-wide">
          {(props) => <textarea {...props} rows={4} />}
        </FormField>
        {checkbox("trackInventory", "Track stock for this product", "Untracked products (made to order) are always available.")}
        {checkbox("requiresExpiryDate", "Lots need an expiry date", "Receiving refuses a lot of this product without one.")}
      </div>
      <datalist id="product-categories">
        {categories.map((category) => (
          <option key={category} value={category} />
        ))}
      </datalist>
      <FormActions label={submitLabel} pendingLabel="Saving…" isPending={isPending} done={done} />
    </form>
  );
}
