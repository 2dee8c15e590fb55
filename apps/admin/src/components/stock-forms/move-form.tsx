import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import type { ProductLot, StockLocation } from "../../lib/api-types.ts";
import { formatCount } from "../../lib/format.ts";
import { newIdempotencyKey } from "../../lib/idempotency.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { parseWholeNumber, useFormErrors } from "../../lib/use-form-errors.ts";
import { useStockInvalidation } from "../../lib/use-stock-invalidation.ts";
import { Field, FormAlert, FormSuccess } from "../field.tsx";
import { LotSelect } from "./lot-select.tsx";

/** Moves units of a lot to another location (the same lot number, expiry and cost there). */
export function MoveForm({ lots, locations, initialLotId }: { lots: ProductLot[]; locations: StockLocation[]; initialLotId: string | undefined }) {
  const { trpc } = useAppContext();
  const invalidate = useStockInvalidation();
  const idempotencyKey = useRef(newIdempotencyKey());
  const [chosenLotId, setLotId] = useState(initialLotId);
  // The chosen lot may leave the list (emptied by this very form): fall back to the first one.
  const lotId = lots.some((candidate) => candidate.id === chosenLotId) ? (chosenLotId as string) : (lots[0]?.id ?? "");
  const [done, setDone] = useState<string | null>(null);
  const transfer = useMutation(trpc.stock.transfer.mutationOptions());
  const errors = useFormErrors(transfer.error);
  const lot = lots.find((candidate) => candidate.id === lotId);
  const destinations = locations.filter((location) => location.id !== lot?.locationId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const form = event.currentTarget;
    const data = new FormData(form);
    const quantity = parseWholeNumber(String(data.get("quantity") ?? ""), { min: 1 });
    const toLocationId = String(data.get("toLocationId") ?? "");
    const problems: Record<string, string> = {};
    if (!toLocationId) problems.toLocationId = "Choose where to move the units.";
    if (typeof quantity === "string") problems.quantity = quantity === "Must be at least 1." ? "Quantity must be at least 1." : quantity;
    if (!errors.check(problems) || typeof quantity === "string") return;
    const destination = locations.find((location) => location.id === toLocationId);
    transfer.mutate(
      { lotId, toLocationId, quantity, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: async () => {
          idempotencyKey.current = newIdempotencyKey();
          form.reset();
          setDone(`Moved ${formatCount(quantity)} of lot ${lot?.lotNumber ?? ""} to ${destination?.name ?? "the new location"}.`);
          await invalidate();
        },
      },
    );
  };

  if (locations.length < 2) return <p className="muted">This producer has only one location, so there is nowhere to move stock to.</p>;
  return (
    <form className="stock-form" onSubmit={submit} noValidate aria-label="Move stock">
      <FormAlert message={errors.message} />
      <div className="form-grid">
        <LotSelect lots={lots} value={lotId} onChange={setLotId} error={errors.error("lotId")} />
        <Field label="Move to" error={errors.error("toLocationId")}>
          {(props) => (
            <select {...props} name="toLocationId" key={lotId} defaultValue={destinations[0]?.id}>
              {destinations.map((location) => (
                <option key={location.id} value={location.id}>
                  {location.isSellable ? location.name : `${location.name} (not sellable)`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Quantity"
          hint={lot ? `Up to ${formatCount(Math.max(0, lot.onHand - lot.reserved))} not reserved.` : undefined}
          error={errors.error("quantity")}
        >
          {(props) => <input {...props} name="quantity" inputMode="numeric" autoComplete="off" />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={transfer.isPending}>
          {transfer.isPending ? "Moving…" : "Move stock"}
        </button>
        <FormSuccess message={done} />
      </div>
    </form>
  );
}
