import type { ProductLot } from "../../lib/api-types.ts";
import { formatCount } from "../../lib/format.ts";
import { Field } from "../field.tsx";

function lotLabel(lot: ProductLot): string {
  return `${lot.lotNumber} · ${lot.location} · ${formatCount(lot.onHand)} on hand${lot.reserved ? `, ${formatCount(lot.reserved)} reserved` : ""}`;
}

/** Picks one of the product's lots; the choice is controlled so dependent fields can follow it. */
export function LotSelect({
  lots,
  value,
  onChange,
  error,
}: {
  lots: ProductLot[];
  value: string;
  onChange: (lotId: string) => void;
  error?: string | undefined;
}) {
  return (
    <Field label="Lot" error={error} className="field-wide">
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
