import { API_KEY_SCOPE_LABELS, API_KEY_SCOPE_NAMES, createApiKeyInput, isoDay } from "@stockroom/contracts";
import { FormField, fieldMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { optionalText } from "../../lib/form-text.ts";
import { useApiForm } from "../../lib/use-api-form.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";
import { NewKeySecret } from "./new-key-secret.tsx";

/** The contract's schema, with the date field's "" read as "no expiry". */
const formSchema = createApiKeyInput.extend({ expiresOn: optionalText(isoDay.optional()) });

/** Name, scopes and an optional last day; the answer's secret is shown once, below the form. */
export function CreateApiKeyForm({ producerId }: { producerId: string }) {
  const { trpc, queryClient } = useAppContext();
  const create = useMutation(trpc.integrations.keys.create.mutationOptions());
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const { form, message } = useApiForm({
    schema: formSchema,
    defaultValues: { name: "", scopes: ["read"], expiresOn: "", producerId },
    serverError: create.error,
  });
  const submit = form.handleSubmit((values) => {
    setCreated(null);
    create.mutate(
      { ...values, producerId },
      {
        onSuccess: async (key) => {
          setCreated({ name: key.name, secret: key.secret });
          form.reset({ name: "", scopes: ["read"], expiresOn: "", producerId });
          await queryClient.invalidateQueries(trpc.integrations.pathFilter());
        },
      },
    );
  });
  const scopesError = fieldMessage(form.formState.errors, "scopes");

  return (
    <>
      <form className="settings-form api-key-form" onSubmit={submit} noValidate aria-label="Create an API key">
        <FormAlert message={message} />
        <div className="form-grid">
          <FormField form={form} name="name" label="Name" hint="What uses it, e.g. Warehouse sync.">
            {(props) => <input {...props} autoComplete="off" />}
          </FormField>
          <FormField form={form} name="expiresOn" label="Expires after (optional)" hint="The key stops working at the end of this day (UTC).">
            {(props) => <input {...props} type="date" />}
          </FormField>
        </div>
        <fieldset className="scope-options">
          <legend>Scopes</legend>
          {API_KEY_SCOPE_NAMES.map((scope) => (
            <label key={scope} className="check">
              <input type="checkbox" value={scope} {...form.register("scopes")} />
              <span>
                <code>{scope}</code> {API_KEY_SCOPE_LABELS[scope]}
              </span>
            </label>
          ))}
          {scopesError ? <p className="field-error">{scopesError}</p> : null}
        </fieldset>
        <FormActions label="Create key" pendingLabel="Creating…" isPending={create.isPending} done={null} />
      </form>
      {created ? <NewKeySecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} /> : null}
    </>
  );
}
