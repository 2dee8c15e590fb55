import { ADJUST_REASONS, adjustLotInput } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { ProductLot } from "../../lib/api-types.ts";
import { wholeNumberText } from "../../lib/form-text.ts";
import { formatCount, formatSigned } from "../../lib/format.ts";
import { newIdempotencyKey } from "../../lib/idempotency.ts";
import { useCan } from "../../lib/permissions.tsx";
import { useApiForm } from "../../lib/use-api-form.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { useStockInvalidation } from "../../lib/use-stock-invalidation.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";
import { LotSelect, useLotChoice } from "./lot-select.tsx";

const schema = adjustLotInput.pick({ reason: true }).extend({ change: wholeNumberText(adjustLotInput.shape.change) });

/** Corrects a lot's on hand by a signed amount, with the reason recorded in the ledger. */
export function AdjustForm({ lots, initialLotId }: { lots: ProductLot[]; initialLotId: string | undefined }) {
  const { trpc } = useAppContext();
  const invalidate = useStockInvalidation();
  const idempotencyKey = useRef(newIdempotencyKey());
  const [lotId, setLotId] = useLotChoice(lots, initialLotId);
  const [done, setDone] = useState<string | null>(null);
  const adjust = useMutation(trpc.stock.adjust.mutationOptions());
  // Roles without stock.adjust.anyReason pick from the list the server accepts from them.
  const anyReason = useCan()("stock.adjust.anyReason");
  const { form, message } = useApiForm({ schema, defaultValues: { change: "", reason: "" }, serverError: adjust.error });

  const submit = form.handleSubmit(({ change, reason }) => {
    setDone(null);
    adjust.mutate(
      { lotId, change, reason, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: async ({ movement }) => {
          idempotencyKey.current = newIdempotencyKey();
          form.reset();
          setDone(`Adjusted by ${formatSigned(change)}: on hand ${formatCount(movement.previousOnHand)} → ${formatCount(movement.newOnHand)}.`);
          await invalidate();
        },
      },
    );
  });

  return (
    <form className="stock-form" onSubmit={submit} noValidate aria-label="Adjust stock">
      <FormAlert message={message} />
      <div className="form-grid">
        <LotSelect lots={lots} value={lotId} onChange={setLotId} form={form} />
        <FormField form={form} name="change" label="Change" hint="Units to add (e.g. 5) or remove (e.g. -3).">
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="reason" label="Reason" className="field-wide">
          {(props) =>
            anyReason ? (
              <input {...props} maxLength={500} placeholder="e.g. Stock count correction" />
            ) : (
              <select {...props}>
                <option value="">Choose a reason</option>
                {ADJUST_REASONS.map((reason) => (
                  <option key={reason} value={reason}>
                    {reason}
                  </option>
                ))}
              </select>
            )
          }
        </FormField>
      </div>
      <FormActions label="Adjust stock" pendingLabel="Saving…" isPending={adjust.isPending} done={done} />
    </form>
  );
}
