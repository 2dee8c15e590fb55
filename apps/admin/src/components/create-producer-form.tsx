import { createProducerInput } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useApiForm } from "../lib/use-api-form.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { FormActions, FormAlert } from "./form-parts.tsx";

/** A new producer, and an invitation for its first producer admin. */
export function CreateProducerForm() {
  const { trpc, queryClient } = useAppContext();
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation(trpc.producers.create.mutationOptions());
  const { form, message } = useApiForm({ schema: createProducerInput, defaultValues: { name: "", slug: "", adminEmail: "" }, serverError: create.error });
  const submit = form.handleSubmit((values) => {
    setDone(null);
    create.mutate(values, {
      onSuccess: async (created) => {
        setDone(`${created.name} created; its admin has been invited.`);
        form.reset();
        await queryClient.invalidateQueries(trpc.producers.pathFilter());
      },
    });
  });
  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-label="Create producer">
      <FormAlert message={message} />
      <div className="form-grid">
        <FormField form={form} name="name" label="Name">
          {(props) => <input {...props} autoComplete="off" />}
        </FormField>
        <FormField form={form} name="slug" label="Slug" hint="Lowercase letters, digits and dashes.">
          {(props) => <input {...props} autoComplete="off" spellCheck={false} />}
        </FormField>
      </div>
      <FormField form={form} name="adminEmail" label="First admin's email">
        {(props) => <input {...props} type="email" autoComplete="off" />}
      </FormField>
      <FormActions label="Create producer" pendingLabel="Creating…" isPending={create.isPending} done={done} />
    </form>
  );
}
