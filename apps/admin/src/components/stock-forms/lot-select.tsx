import { Field, fieldMessage } from "@stockroom/ui";
import { useState } from "react";
import type { FieldErrors } from "react-hook-form";
import type { ProductLot } from "../../lib/api-types.ts";
import { formatCount } from "../../lib/format.ts";

function lotLabel(lot: ProductLot): string {
  const notes = [lot.band === "EXPIRED" ? "expired" : null, lot.isSellable ? null : "not sellable"].filter(Boolean).join(", ");
  return `${lot.lotNumber} · ${lot.location} · ${formatCount(lot.onHand)} on hand${lot.reserved ? `, ${formatCount(lot.reserved)} reserved` : ""}${notes ? ` (${notes})` : ""}`;
}

/** The lot a form starts on: the first sellable, unexpired lot with stock; never an expired or empty one while another exists. */
export function defaultLot(lots: ProductLot[]): ProductLot | undefined {
  return (
    lots.find((lot) => lot.isSellable && lot.band !== "EXPIRED" && lot.onHand > 0) ??
    lots.find((lot) => lot.band !== "EXPIRED" && lot.onHand > 0) ??
    lots.find((lot) => lot.onHand > 0) ??
    lots[0]
  );
}

/** The chosen lot; it may leave the list (emptied by this very form), and then the default one is chosen. */
export function useLotChoice(lots: ProductLot[], initialLotId: string | undefined): [string, (lotId: string) => void] {
  const [chosen, setChosen] = useState(initialLotId);
  const lotId = lots.some((candidate) => candidate.id === chosen) ? (chosen as string) : (defaultLot(lots)?.id ?? "");
  return [lotId, setChosen];
}

/** Picks one of the product's lots; the choice is controlled so dependent fields can follow it. */
export function LotSelect({
  lots,
  value,
  onChange,
  form,
}: {
  lots: ProductLot[];
  value: string;
  onChange: (lotId: string) => void;
  /** The form whose errors may name the lot (the server's lotId reason). */
  form: { formState: { errors: FieldErrors } };
}) {
  return (
    <Field label="Lot" error={fieldMessage(form.formState.errors, "lotId")} className="field-wide">
      {(props) => (
        <select {...props} name="lotId" value={value} onChange={(event) => onChange(event.target.value)}>
          {lots.map((lot) => (
            <option key={lot.id} value={lot.id}>
              {lotLabel(lot)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
