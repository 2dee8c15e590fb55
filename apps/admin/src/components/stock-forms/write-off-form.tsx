import { WRITE_OFF_REASONS, type WriteOffReason, writeOffLotInput } from "@stockroom/contracts";
import { FormField, formatMoney } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { ProductLot } from "../../lib/api-types.ts";
import { optionalText, wholeNumberText } from "../../lib/form-text.ts";
import { formatCount } from "../../lib/format.ts";
import { newIdempotencyKey } from "../../lib/idempotency.ts";
import { useApiForm } from "../../lib/use-api-form.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { useStockInvalidation } from "../../lib/use-stock-invalidation.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";
import { LotSelect, useLotChoice } from "./lot-select.tsx";

const REASON_LABELS: Record<WriteOffReason, string> = { EXPIRED: "Expired", DAMAGED: "Damaged", RECALLED: "Recalled", OTHER: "Other" };

const schema = writeOffLotInput.pick({ reason: true }).extend({
  quantity: wholeNumberText(writeOffLotInput.shape.quantity),
  note: optionalText(writeOffLotInput.shape.note),
});

function defaultsFor(lot: ProductLot | undefined) {
  return { quantity: "", reason: lot?.band === "EXPIRED" ? ("EXPIRED" as const) : ("DAMAGED" as const), note: "" };
}

/** Disposes of units (expired, damaged...); the cost goes into the waste report. */
export function WriteOffForm({ lots, initialLotId }: { lots: ProductLot[]; initialLotId: string | undefined }) {
  const { trpc } = useAppContext();
  const invalidate = useStockInvalidation();
  const idempotencyKey = useRef(newIdempotencyKey());
  const [lotId, setLotId] = useLotChoice(lots, initialLotId);
  const [done, setDone] = useState<string | null>(null);
  const writeOff = useMutation(trpc.stock.writeOff.mutationOptions());
  const lot = lots.find((candidate) => candidate.id === lotId);
  const { form, message } = useApiForm({ schema, defaultValues: defaultsFor(lot), serverError: writeOff.error });

  // Another lot suggests its own reason (an expired lot is written off as expired).
  const chooseLot = (id: string) => {
    setLotId(id);
    form.setValue("reason", defaultsFor(lots.find((candidate) => candidate.id === id)).reason);
  };

  const submit = form.handleSubmit(({ quantity, reason, note }) => {
    setDone(null);
    writeOff.mutate(
      { lotId, quantity, reason, note, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: async ({ movement, costCents }) => {
          idempotencyKey.current = newIdempotencyKey();
          form.reset(defaultsFor(lot));
          setDone(
            `Wrote off ${formatCount(quantity)}${costCents === null ? "" : ` (${formatMoney(costCents)} at cost)`}: on hand ${formatCount(movement.previousOnHand)} → ${formatCount(movement.newOnHand)}.`,
          );
          await invalidate();
        },
      },
    );
  });

  return (
    <form className="stock-form" onSubmit={submit} noValidate aria-label="Write off stock">
      <FormAlert message={message} />
      <div className="form-grid">
        <LotSelect lots={lots} value={lotId} onChange={chooseLot} form={form} />
        <FormField
          form={form}
          name="quantity"
          label="Quantity"
          hint={lot ? `Up to ${formatCount(Math.max(0, lot.onHand - lot.reserved))} not reserved.` : undefined}
        >
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="reason" label="Reason">
          {(props) => (
            <select {...props}>
              {WRITE_OFF_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {REASON_LABELS[reason]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField form={form} name="note" label="Note (optional)" className="field-wide">
          {(props) => <input {...props} maxLength={500} />}
        </FormField>
      </div>
      <FormActions label="Write off" pendingLabel="Writing off…" isPending={writeOff.isPending} done={done} isDanger />
    </form>
  );
}
