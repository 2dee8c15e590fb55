import { transferLotInput } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { z } from "zod";
import type { ProductLot, StockLocation } from "../../lib/api-types.ts";
import { wholeNumberText } from "../../lib/form-text.ts";
import { formatCount } from "../../lib/format.ts";
import { newIdempotencyKey } from "../../lib/idempotency.ts";
import { useApiForm } from "../../lib/use-api-form.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { useStockInvalidation } from "../../lib/use-stock-invalidation.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";
import { LotSelect, useLotChoice } from "./lot-select.tsx";

const schema = z.object({
  toLocationId: z.string().min(1, "Choose where to move the units.").pipe(transferLotInput.shape.toLocationId),
  quantity: wholeNumberText(transferLotInput.shape.quantity),
});

/** Moves units of a lot to another location (the same lot number, expiry and cost there). */
export function MoveForm({ lots, locations, initialLotId }: { lots: ProductLot[]; locations: StockLocation[]; initialLotId: string | undefined }) {
  const { trpc } = useAppContext();
  const invalidate = useStockInvalidation();
  const idempotencyKey = useRef(newIdempotencyKey());
  const [lotId, setLotId] = useLotChoice(lots, initialLotId);
  const [done, setDone] = useState<string | null>(null);
  const transfer = useMutation(trpc.stock.transfer.mutationOptions());
  const lot = lots.find((candidate) => candidate.id === lotId);
  const destinationsOf = (from: ProductLot | undefined) => locations.filter((location) => location.id !== from?.locationId);
  const destinations = destinationsOf(lot);
  const defaultsFor = (from: ProductLot | undefined) => ({ toLocationId: destinationsOf(from)[0]?.id ?? "", quantity: "" });
  const { form, message } = useApiForm({ schema, defaultValues: defaultsFor(lot), serverError: transfer.error });

  // Another lot may sit where the chosen destination is: start from its first destination.
  const chooseLot = (id: string) => {
    setLotId(id);
    form.setValue("toLocationId", defaultsFor(lots.find((candidate) => candidate.id === id)).toLocationId);
  };

  const submit = form.handleSubmit(({ toLocationId, quantity }) => {
    setDone(null);
    const destination = locations.find((location) => location.id === toLocationId);
    transfer.mutate(
      { lotId, toLocationId, quantity, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: async () => {
          idempotencyKey.current = newIdempotencyKey();
          form.reset(defaultsFor(lot));
          setDone(`Moved ${formatCount(quantity)} of lot ${lot?.lotNumber ?? ""} to ${destination?.name ?? "the new location"}.`);
          await invalidate();
        },
      },
    );
  });

  if (locations.length < 2) return <p className="muted">This producer has only one location, so there is nowhere to move stock to.</p>;
  return (
    <form className="stock-form" onSubmit={submit} noValidate aria-label="Move stock">
      <FormAlert message={message} />
      <div className="form-grid">
        <LotSelect lots={lots} value={lotId} onChange={chooseLot} form={form} />
        <FormField form={form} name="toLocationId" label="Move to">
          {(props) => (
            <select {...props}>
              {destinations.map((location) => (
                <option key={location.id} value={location.id}>
                  {location.isSellable ? location.name : `${location.name} (not sellable)`}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          form={form}
          name="quantity"
          label="Quantity"
          hint={lot ? `Up to ${formatCount(Math.max(0, lot.onHand - lot.reserved))} not reserved.` : undefined}
        >
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
        </FormField>
      </div>
      <FormActions label="Move stock" pendingLabel="Moving…" isPending={transfer.isPending} done={done} />
    </form>
  );
}
