import { addOrderNoteInput, MAX_ORDER_NOTE_LENGTH } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { IfCan } from "../../lib/permissions.tsx";
import { useApiForm } from "../../lib/use-api-form.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";

const schema = addOrderNoteInput.pick({ body: true });

/** Staff's internal note on the order (never shown to the customer); it appears on the timeline. */
export function OrderNoteForm({ orderId }: { orderId: string }) {
  return (
    <IfCan permission="orders.fulfil">
      <NoteForm orderId={orderId} />
    </IfCan>
  );
}

function NoteForm({ orderId }: { orderId: string }) {
  const { trpc, queryClient } = useAppContext();
  const [done, setDone] = useState<string | null>(null);
  const add = useMutation(
    trpc.orders.addNote.mutationOptions({
      onSuccess: async () => {
        form.reset();
        setDone("Note added.");
        await queryClient.invalidateQueries(trpc.orders.get.queryFilter({ orderId }));
      },
    }),
  );
  const { form, message } = useApiForm({ schema, defaultValues: { body: "" }, serverError: add.error });
  const submit = form.handleSubmit(({ body }) => {
    setDone(null);
    add.mutate({ orderId, body });
  });
  return (
    <form className="order-note-form" onSubmit={submit} noValidate>
      <FormAlert message={message} />
      <FormField form={form} name="body" label="Internal note" hint="Only staff see notes.">
        {(props) => <textarea {...props} rows={3} maxLength={MAX_ORDER_NOTE_LENGTH} />}
      </FormField>
      <FormActions label="Add note" pendingLabel="Adding…" isPending={add.isPending} done={done} />
    </form>
  );
}
