import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import type { ProductDetail, StockLocation } from "../../lib/api-types.ts";
import { formatCount } from "../../lib/format.ts";
import { newIdempotencyKey } from "../../lib/idempotency.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { parseMoneyToCents, parseWholeNumber, useFormErrors } from "../../lib/use-form-errors.ts";
import { useStockInvalidation } from "../../lib/use-stock-invalidation.ts";
import { Field, FormAlert, FormSuccess } from "../field.tsx";

/** Receives units into a new lot, or more of an existing lot (same number, location and expiry). */
export function ReceiveForm({ product, locations }: { product: ProductDetail["product"]; locations: StockLocation[] }) {
  const { trpc } = useAppContext();
  const invalidate = useStockInvalidation();
  const idempotencyKey = useRef(newIdempotencyKey());
  const [done, setDone] = useState<string | null>(null);
  const receive = useMutation(trpc.stock.receive.mutationOptions());
  const errors = useFormErrors(receive.error, { unitCostCents: "unitCost" });
  const defaultLocation = locations.find((location) => location.isSellable) ?? locations[0];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const form = event.currentTarget;
    const data = new FormData(form);
    const lotNumber = String(data.get("lotNumber") ?? "").trim();
    const expiryDate = String(data.get("expiryDate") ?? "");
    const quantity = parseWholeNumber(String(data.get("quantity") ?? ""), { min: 1 });
    const unitCostCents = parseMoneyToCents(String(data.get("unitCost") ?? ""));
    const locationId = String(data.get("locationId") ?? "");
    const problems: Record<string, string> = {};
    if (!locationId) problems.locationId = "Choose a location.";
    if (!lotNumber) problems.lotNumber = "Enter a lot number.";
    if (expiryDate && !/^\d{4}-\d{2}-\d{2}$/.test(expiryDate)) problems.expiryDate = "Use YYYY-MM-DD.";
    if (typeof quantity === "string") problems.quantity = quantity;
    if (typeof unitCostCents === "string") problems.unitCost = unitCostCents;
    if (!errors.check(problems) || typeof quantity === "string" || typeof unitCostCents === "string") return;
    receive.mutate(
      { productId: product.id, locationId, lotNumber, expiryDate: expiryDate || null, unitCostCents, quantity, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: async (result) => {
          idempotencyKey.current = newIdempotencyKey();
          form.reset();
          setDone(
            `Received ${formatCount(quantity)} into lot ${lotNumber}: on hand ${formatCount(result.movement.previousOnHand)} → ${formatCount(result.movement.newOnHand)}.`,
          );
          await invalidate();
        },
      },
    );
  };

  if (locations.length === 0) return <p className="muted">This producer has no locations to receive stock into.</p>;
  return (
    <form className="stock-form" onSubmit={submit} noValidate aria-label="Receive stock">
      <FormAlert message={errors.message} />
      <div className="form-grid">
        <Field label="Location" error={errors.error("locationId")}>
          {(props) => (
            <select {...props} name="locationId" defaultValue={defaultLocation?.id}>
              {locations.map((location) => (
                <option key={location.id} value={location.id}>
                  {location.isSellable ? location.name : `${location.name} (not sellable)`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Lot number" error={errors.error("lotNumber")}>
          {(props) => <input {...props} name="lotNumber" autoComplete="off" maxLength={64} />}
        </Field>
        <Field label="Expiry date" hint="Leave empty if it does not expire." error={errors.error("expiryDate")}>
          {(props) => <input {...props} name="expiryDate" type="date" />}
        </Field>
        <Field label="Unit cost (£)" error={errors.error("unitCost")}>
          {(props) => <input {...props} name="unitCost" inputMode="decimal" defaultValue={(product.unitCostCents / 100).toFixed(2)} />}
        </Field>
        <Field label="Quantity" error={errors.error("quantity")}>
          {(props) => <input {...props} name="quantity" inputMode="numeric" autoComplete="off" />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={receive.isPending}>
          {receive.isPending ? "Receiving…" : "Receive stock"}
        </button>
        <FormSuccess message={done} />
      </div>
    </form>
  );
}
