import { receiveLotInput } from "@stockroom/contracts";
import { errorDetails, FormField } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { z } from "zod";
import type { ProductDetail, StockLocation } from "../../lib/api-types.ts";
import { moneyText, wholeNumberText } from "../../lib/form-text.ts";
import { formatCount } from "../../lib/format.ts";
import { newIdempotencyKey } from "../../lib/idempotency.ts";
import { useCan } from "../../lib/permissions.tsx";
import { useApiForm } from "../../lib/use-api-form.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { useStockInvalidation } from "../../lib/use-stock-invalidation.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";

const schema = receiveLotInput.pick({ lotNumber: true }).extend({
  locationId: z.string().min(1, "Choose a location.").pipe(receiveLotInput.shape.locationId),
  expiryDate: z
    .string()
    .transform((day): string | null | undefined => day || null)
    .pipe(receiveLotInput.shape.expiryDate),
  // Empty: the product's unit cost (the only choice for roles that cannot see costs).
  unitCost: z
    .literal("")
    .transform(() => undefined)
    .or(moneyText(receiveLotInput.shape.unitCostCents.unwrap())),
  quantity: wholeNumberText(receiveLotInput.shape.quantity),
});

/** Receives units into a new lot, or more of an existing lot (same number, location and expiry). */
export function ReceiveForm({ product, locations }: { product: ProductDetail["product"]; locations: StockLocation[] }) {
  const { trpc } = useAppContext();
  const invalidate = useStockInvalidation();
  const idempotencyKey = useRef(newIdempotencyKey());
  const [done, setDone] = useState<string | null>(null);
  const canSeeCosts = useCan()("costs.view");
  const receive = useMutation(trpc.stock.receive.mutationOptions());
  const defaultLocation = locations.find((location) => location.isSellable) ?? locations[0];
  const { form, message } = useApiForm({
    schema,
    defaultValues: {
      locationId: defaultLocation?.id ?? "",
      lotNumber: "",
      expiryDate: "",
      unitCost: product.unitCostCents === null ? "" : (product.unitCostCents / 100).toFixed(2),
      quantity: "",
    },
    serverError: receive.error,
    fieldFor: { unitCostCents: "unitCost" },
  });

  // Past its expiry or shelf-life rule the server refuses the lot and offers quarantine (never sellable).
  const canQuarantine = errorDetails(receive.error)?.canQuarantine === true;
  const send = (quarantine: boolean) =>
    form.handleSubmit(({ unitCost, ...values }) => {
      setDone(null);
      receive.mutate(
        { productId: product.id, ...values, unitCostCents: unitCost, quarantine, idempotencyKey: idempotencyKey.current },
        {
          onSuccess: async (result) => {
            idempotencyKey.current = newIdempotencyKey();
            form.reset();
            setDone(
              `Received ${formatCount(values.quantity)} into lot ${values.lotNumber}${quarantine ? " in quarantine (not for sale)" : ""}: on hand ${formatCount(result.movement.previousOnHand)} → ${formatCount(result.movement.newOnHand)}.`,
            );
            await invalidate();
          },
        },
      );
    });
  const submit = send(false);

  if (locations.length === 0) return <p className="muted">This producer has no locations to receive stock into.</p>;
  return (
    <form className="stock-form" onSubmit={submit} noValidate aria-label="Receive stock">
      <FormAlert message={message} />
      <div className="form-grid">
        <FormField form={form} name="locationId" label="Location">
          {(props) => (
            <select {...props}>
              {locations.map((location) => (
                <option key={location.id} value={location.id}>
                  {location.isSellable ? location.name : `${location.name} (not sellable)`}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField form={form} name="lotNumber" label="Lot number">
          {(props) => <input {...props} autoComplete="off" maxLength={64} />}
        </FormField>
        <FormField form={form} name="expiryDate" label="Expiry date" hint="Leave empty if it does not expire.">
          {(props) => <input {...props} type="date" />}
        </FormField>
        {canSeeCosts ? (
          <FormField form={form} name="unitCost" label="Unit cost (£)" hint="Leave empty for the product's unit cost.">
            {(props) => <input {...props} inputMode="decimal" />}
          </FormField>
        ) : null}
        <FormField form={form} name="quantity" label="Quantity">
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
        </FormField>
      </div>
      {canQuarantine ? (
        <div className="form-confirm">
          <p>Received into quarantine, the lot is recorded and counted but never sold. Write it off or return it to the supplier later.</p>
          <button type="button" className="button button-secondary" onClick={() => void send(true)()} disabled={receive.isPending}>
            Receive into quarantine
          </button>
        </div>
      ) : null}
      <FormActions label="Receive stock" pendingLabel="Receiving…" isPending={receive.isPending} done={done} />
    </form>
  );
}
