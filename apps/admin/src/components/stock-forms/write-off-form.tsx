import { formatMoney } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import type { ProductLot } from "../../lib/api-types.ts";
import { formatCount } from "../../lib/format.ts";
import { newIdempotencyKey } from "../../lib/idempotency.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { parseWholeNumber, useFormErrors } from "../../lib/use-form-errors.ts";
import { useStockInvalidation } from "../../lib/use-stock-invalidation.ts";
import { Field, FormAlert, FormSuccess } from "../field.tsx";
import { LotSelect } from "./lot-select.tsx";

const REASONS = [
  { value: "EXPIRED", label: "Expired" },
  { value: "DAMAGED", label: "Damaged" },
  { value: "RECALLED", label: "Recalled" },
  { value: "OTHER", label: "Other" },
] as const;
type WriteOffReason = (typeof REASONS)[number]["value"];

/** Disposes of units (expired, damaged...); the cost goes into the waste report. */
export function WriteOffForm({ lots, initialLotId }: { lots: ProductLot[]; initialLotId: string | undefined }) {
  const { trpc } = useAppContext();
  const invalidate = useStockInvalidation();
  const idempotencyKey = useRef(newIdempotencyKey());
  const [chosenLotId, setLotId] = useState(initialLotId);
  // The chosen lot may leave the list (emptied by this very form): fall back to the first one.
  const lotId = lots.some((candidate) => candidate.id === chosenLotId) ? (chosenLotId as string) : (lots[0]?.id ?? "");
  const [done, setDone] = useState<string | null>(null);
  const writeOff = useMutation(trpc.stock.writeOff.mutationOptions());
  const errors = useFormErrors(writeOff.error);
  const lot = lots.find((candidate) => candidate.id === lotId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const form = event.currentTarget;
    const data = new FormData(form);
    const quantity = parseWholeNumber(String(data.get("quantity") ?? ""), { min: 1 });
    const reason = String(data.get("reason") ?? "") as WriteOffReason;
    const note = String(data.get("note") ?? "").trim();
    const problems: Record<string, string> = {};
    if (typeof quantity === "string") problems.quantity = quantity === "Must be at least 1." ? "Quantity must be at least 1." : quantity;
    if (!errors.check(problems) || typeof quantity === "string") return;
    writeOff.mutate(
      { lotId, quantity, reason, note: note || undefined, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: async ({ movement, costCents }) => {
          idempotencyKey.current = newIdempotencyKey();
          form.reset();
          setDone(
            `Wrote off ${formatCount(quantity)} (${formatMoney(costCents)} at cost): on hand ${formatCount(movement.previousOnHand)} → ${formatCount(movement.newOnHand)}.`,
          );
          await invalidate();
        },
      },
    );
  };

  return (
    <form className="stock-form" onSubmit={submit} noValidate aria-label="Write off stock">
      <FormAlert message={errors.message} />
      <div className="form-grid">
        <LotSelect lots={lots} value={lotId} onChange={setLotId} error={errors.error("lotId")} />
        <Field
          label="Quantity"
          hint={lot ? `Up to ${formatCount(Math.max(0, lot.onHand - lot.reserved))} not reserved.` : undefined}
          error={errors.error("quantity")}
        >
          {(props) => <input {...props} name="quantity" inputMode="numeric" autoComplete="off" />}
        </Field>
        <Field label="Reason" error={errors.error("reason")}>
          {(props) => (
            <select {...props} name="reason" defaultValue={lot?.band === "EXPIRED" ? "EXPIRED" : "DAMAGED"} key={lotId}>
              {REASONS.map((reason) => (
                <option key={reason.value} value={reason.value}>
                  {reason.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Note (optional)" error={errors.error("note")} className="field-wide">
          {(props) => <input {...props} name="note" maxLength={500} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-danger" disabled={writeOff.isPending}>
          {writeOff.isPending ? "Writing off…" : "Write off"}
        </button>
        <FormSuccess message={done} />
      </div>
    </form>
  );
}
