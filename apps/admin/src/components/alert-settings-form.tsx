import { NOTIFICATION_CHANNELS, type NotificationChannel, PHONE_PATTERN, updateAlertSettingsInput } from "@stockroom/contracts";
import { FormField, fieldMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import type { ApiOutputs } from "../lib/api-types.ts";
import { useApiForm } from "../lib/use-api-form.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { FormActions, FormAlert } from "./form-parts.tsx";

type Settings = ApiOutputs["alerts"]["settings"];

const CHANNEL_LABELS: Record<NotificationChannel, string> = { EMAIL: "Email", SMS: "SMS", WHATSAPP: "WhatsApp" };
const ALERTS = [
  { name: "lowStockChannels", label: "Low stock" },
  { name: "escalationChannels", label: "Escalation (still low after a day)" },
  { name: "expiryChannels", label: "Lots nearing expiry" },
] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One address or number per line (commas work too); the first bad entry is named in the message. */
function recipientList(isValid: (entry: string) => boolean, reason: (entry: string) => string) {
  const list = (text: string) =>
    text
      .split(/[\n,]+/)
      .map((entry) => entry.trim())
      .filter(Boolean);
  return z
    .string()
    .superRefine((text, context) => {
      const bad = list(text).find((entry) => !isValid(entry));
      if (bad) context.addIssue({ code: "custom", message: reason(bad) });
    })
    .transform(list);
}

const phoneList = recipientList(
  (entry) => PHONE_PATTERN.test(entry),
  (entry) => `“${entry}”: use international format, e.g. +2348012345678.`,
);
const hour = z.string().transform((value) => (value === "" ? null : Number(value)));
const channels = z.array(z.enum(NOTIFICATION_CHANNELS)).or(z.literal(false).transform(() => []));

const schema = z
  .object({
    emailRecipients: recipientList(
      (entry) => EMAIL.test(entry),
      (entry) => `“${entry}” is not an email address.`,
    ),
    smsRecipients: phoneList,
    whatsappRecipients: phoneList,
    lowStockChannels: channels,
    escalationChannels: channels,
    expiryChannels: channels,
    quietHoursStartHour: hour,
    quietHoursEndHour: hour,
    newOrderAlerts: z.boolean().optional(),
  })
  .pipe(updateAlertSettingsInput);

function hourLabel(value: number): string {
  return `${String(value).padStart(2, "0")}:00`;
}

export function AlertSettingsForm({ producerId, settings }: { producerId: string; settings: Settings }) {
  const { trpc, queryClient } = useAppContext();
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation(trpc.alerts.updateSettings.mutationOptions());
  const { form, message } = useApiForm({
    schema,
    defaultValues: {
      emailRecipients: settings.recipients.EMAIL.join("\n"),
      smsRecipients: settings.recipients.SMS.join("\n"),
      whatsappRecipients: settings.recipients.WHATSAPP.join("\n"),
      lowStockChannels: settings.lowStockChannels,
      escalationChannels: settings.escalationChannels,
      expiryChannels: settings.expiryChannels,
      quietHoursStartHour: String(settings.quietHours?.startHour ?? ""),
      quietHoursEndHour: String(settings.quietHours?.endHour ?? ""),
      newOrderAlerts: settings.newOrderAlerts,
    },
    serverError: save.error,
  });

  const submit = form.handleSubmit((values) => {
    setDone(null);
    save.mutate(
      { ...values, producerId },
      {
        onSuccess: (saved) => {
          setDone("Alert settings saved.");
          // The saved settings are the server's answer: no refetch needed.
          queryClient.setQueryData(trpc.alerts.settings.queryKey({ producerId }), saved);
        },
      },
    );
  });

  const hourSelect = (name: "quietHoursStartHour" | "quietHoursEndHour", label: string) => (
    <FormField form={form} name={name} label={label}>
      {(props) => (
        <select {...props}>
          <option value="">None</option>
          {HOURS.map((value) => (
            <option key={value} value={value}>
              {hourLabel(value)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-label="Alert settings">
      <FormAlert message={message} />
      <FormField form={form} name="emailRecipients" label="Email recipients" hint="One address per line.">
        {(props) => <textarea {...props} rows={3} spellCheck={false} />}
      </FormField>
      <FormField form={form} name="smsRecipients" label="SMS recipients" hint="International format, e.g. +2348012345678.">
        {(props) => <textarea {...props} rows={2} spellCheck={false} />}
      </FormField>
      <FormField form={form} name="whatsappRecipients" label="WhatsApp recipients" hint="International format.">
        {(props) => <textarea {...props} rows={2} spellCheck={false} />}
      </FormField>
      <fieldset className="channel-matrix">
        <legend>Send each alert by</legend>
        {ALERTS.map((alert) => {
          const error = fieldMessage(form.formState.errors, alert.name);
          return (
            <fieldset key={alert.name} className="channel-row">
              <legend>{alert.label}</legend>
              <div className="channel-options">
                {NOTIFICATION_CHANNELS.map((channel) => (
                  <label key={channel} className="check">
                    <input type="checkbox" value={channel} {...form.register(alert.name)} />
                    {CHANNEL_LABELS[channel]}
                  </label>
                ))}
              </div>
              {error ? <p className="field-error">{error}</p> : null}
            </fieldset>
          );
        })}
      </fieldset>
      <label className="check">
        <input type="checkbox" {...form.register("newOrderAlerts")} />
        New orders: a message per order, by the low-stock channels
      </label>
      <fieldset className="quiet-hours">
        <legend>Quiet hours</legend>
        <p className="field-hint">Alerts due in this window wait until it ends. Hours are UTC.</p>
        <div className="form-grid">
          {hourSelect("quietHoursStartHour", "From")}
          {hourSelect("quietHoursEndHour", "Until")}
        </div>
      </fieldset>
      <FormActions label="Save settings" pendingLabel="Saving…" isPending={save.isPending} done={done} />
    </form>
  );
}
