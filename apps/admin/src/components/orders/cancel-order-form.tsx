import { MAX_CANCEL_REASON_LENGTH, setOrderStatusInput } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { z } from "zod";
import { useApiForm } from "../../lib/use-api-form.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";

// The API takes an optional reason; staff must give one here (the customer is shown it).
const schema = z.object({ reason: setOrderStatusInput.shape.reason.unwrap() });

interface CancelOrderFormProps {
  orderReference: string;
  isPending: boolean;
  serverError: unknown;
  onCancel: (reason: string) => void;
  onKeep: () => void;
}

/** Cancelling needs a reason: it is kept on the order and shown to the customer. The reserved stock goes back on sale. */
export function CancelOrderForm({ orderReference, isPending, serverError, onCancel, onKeep }: CancelOrderFormProps) {
  const { form, message } = useApiForm({ schema, defaultValues: { reason: "" }, serverError });
  return (
    <form className="cancel-order-form" aria-label={`Cancel order ${orderReference}`} onSubmit={form.handleSubmit(({ reason }) => onCancel(reason))} noValidate>
      <FormAlert message={message} />
      <FormField form={form} name="reason" label="Reason for cancelling" hint="Shown to the customer. The reserved stock goes back on sale.">
        {(props) => <textarea {...props} rows={2} maxLength={MAX_CANCEL_REASON_LENGTH} />}
      </FormField>
      <div className="button-row">
        <FormActions label={`Cancel order ${orderReference}`} pendingLabel="Cancelling…" isPending={isPending} done={null} isDanger />
        <button type="button" className="button button-secondary" onClick={onKeep} disabled={isPending}>
          Keep the order
        </button>
      </div>
    </form>
  );
}
