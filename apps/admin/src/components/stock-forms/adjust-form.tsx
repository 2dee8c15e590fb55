import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import type { ProductLot } from "../../lib/api-types.ts";
import { formatCount, formatSigned } from "../../lib/format.ts";
import { newIdempotencyKey } from "../../lib/idempotency.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { parseWholeNumber, useFormErrors } from "../../lib/use-form-errors.ts";
import { useStockInvalidation } from "../../lib/use-stock-invalidation.ts";
import { Field, FormAlert, FormSuccess } from "../field.tsx";
import { LotSelect } from "./lot-select.tsx";

/** Corrects a lot's on hand by a signed amount, with the reason recorded in the ledger. */
export function AdjustForm({ lots, initialLotId }: { lots: ProductLot[]; initialLotId: string | undefined }) {
  const { trpc } = useAppContext();
  const invalidate = useStockInvalidation();
  const idempotencyKey = useRef(newIdempotencyKey());
  const [chosenLotId, setLotId] = useState(initialLotId);
  // The chosen lot may leave the list (emptied by this very form): fall back to the first one.
  const lotId = lots.some((candidate) => candidate.id === chosenLotId) ? (chosenLotId as string) : (lots[0]?.id ?? "");
  const [done, setDone] = useState<string | null>(null);
  const adjust = useMutation(trpc.stock.adjust.mutationOptions());
  const errors = useFormErrors(adjust.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const form = event.currentTarget;
    const data = new FormData(form);
    const change = parseWholeNumber(String(data.get("change") ?? ""), { allowZero: false });
    const reason = String(data.get("reason") ?? "").trim();
    const problems: Record<string, string> = {};
    if (typeof change === "string") problems.change = change === "Cannot be zero." ? "Change cannot be zero." : change;
    if (reason.length < 3) problems.reason = "Give a reason (at least 3 characters).";
    if (!errors.check(problems) || typeof change === "string") return;
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
  };

  return (
    <form className="stock-form" onSubmit={submit} noValidate aria-label="Adjust stock">
      <FormAlert message={errors.message} />
      <div className="form-grid">
        <LotSelect lots={lots} value={lotId} onChange={setLotId} error={errors.error("lotId")} />
        <Field label="Change" hint="Units to add (e.g. 5) or remove (e.g. -3)." error={errors.error("change")}>
          {(props) => <input {...props} name="change" inputMode="numeric" autoComplete="off" />}
        </Field>
        <Field label="Reason" error={errors.error("reason")} className="field-wide">
          {(props) => <input {...props} name="reason" maxLength={500} placeholder="e.g. Stock count correction" />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={adjust.isPending}>
          {adjust.isPending ? "Saving…" : "Adjust stock"}
        </button>
        <FormSuccess message={done} />
      </div>
    </form>
  );
}
