import { createWebhookEndpointInput, WEBHOOK_EVENT_GROUPS } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ApiOutputs } from "../../lib/api-types.ts";
import { useApiForm } from "../../lib/use-api-form.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";
import { Section } from "../section.tsx";

export type WebhookEndpoint = ApiOutputs["webhooks"]["list"][number];

const schema = createWebhookEndpointInput.omit({ producerId: true });

/** Add an endpoint, or edit one (`endpoint`): URL, description, events grouped by area, on/off when adding. */
export function EndpointForm({ producerId, endpoint, onDone }: { producerId?: string; endpoint?: WebhookEndpoint; onDone?: () => void }) {
  const { trpc, queryClient } = useAppContext();
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation(trpc.webhooks.create.mutationOptions());
  const update = useMutation(trpc.webhooks.update.mutationOptions());
  const mutation = endpoint ? update : create;
  const empty = { url: "", description: "", eventTypes: [], isEnabled: true };
  const { form, message } = useApiForm({
    schema,
    defaultValues: endpoint
      ? { url: endpoint.url, description: endpoint.description, eventTypes: endpoint.eventTypes as never, isEnabled: endpoint.isEnabled }
      : empty,
    serverError: mutation.error,
  });
  const refresh = () => queryClient.invalidateQueries(trpc.webhooks.pathFilter());
  const submit = form.handleSubmit((values) => {
    if (endpoint)
      update.mutate(
        { endpointId: endpoint.id, url: values.url, description: values.description, eventTypes: values.eventTypes },
        {
          onSuccess: async () => {
            setDone("Saved.");
            await refresh();
            onDone?.();
          },
        },
      );
    else
      create.mutate(
        { ...values, producerId },
        {
          onSuccess: async (created) => {
            setDone(`Added ${created.url}.`);
            form.reset(empty);
            await refresh();
          },
        },
      );
  });
  const eventsError = form.formState.errors.eventTypes?.message;
  return (
    <Section title={endpoint ? "Edit endpoint" : "Add an endpoint"} description="Stockroom POSTs signed JSON to this URL when the chosen events happen.">
      <form className="stock-form" onSubmit={submit} noValidate aria-label={endpoint ? "Edit endpoint" : "New endpoint"}>
        <FormAlert message={message} />
        <div className="form-grid">
          <FormField form={form} name="url" label="URL">
            {(props) => <input {...props} type="url" inputMode="url" autoComplete="off" placeholder="https://example.com/hooks/stock" />}
          </FormField>
          <FormField form={form} name="description" label="Description (optional)">
            {(props) => <input {...props} autoComplete="off" maxLength={200} />}
          </FormField>
        </div>
        <fieldset className="webhook-events" aria-invalid={eventsError ? true : undefined}>
          <legend>Events</legend>
          <div className="webhook-event-groups">
            {Object.entries(WEBHOOK_EVENT_GROUPS).map(([group, types]) => (
              <div key={group} className="webhook-event-group">
                <p className="webhook-event-group-title">{group}</p>
                {types.map((type) => (
                  <label key={type} className="check webhook-event-option">
                    <input type="checkbox" value={type} {...form.register("eventTypes")} />
                    <code>{type}</code>
                  </label>
                ))}
              </div>
            ))}
          </div>
          {eventsError ? <p className="field-error">{eventsError}</p> : null}
        </fieldset>
        {endpoint ? null : (
          <div className="field field-checkbox">
            <label>
              <input type="checkbox" {...form.register("isEnabled")} />
              Send events now (on)
            </label>
          </div>
        )}
        <div className="form-row-actions">
          <FormActions label={endpoint ? "Save endpoint" : "Add endpoint"} pendingLabel="Saving…" isPending={mutation.isPending} done={done} />
          {endpoint && onDone ? (
            <button type="button" className="button button-secondary" onClick={onDone}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </Section>
  );
}
