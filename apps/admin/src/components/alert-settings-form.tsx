import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { ApiOutputs } from "../lib/api-types.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { useFormErrors } from "../lib/use-form-errors.ts";
import { Field, FormAlert, FormSuccess } from "./field.tsx";

type Settings = ApiOutputs["alerts"]["settings"];
type Channel = "EMAIL" | "SMS" | "WHATSAPP";

const CHANNELS: { value: Channel; label: string }[] = [
  { value: "EMAIL", label: "Email" },
  { value: "SMS", label: "SMS" },
  { value: "WHATSAPP", label: "WhatsApp" },
];
const ALERTS = [
  { name: "lowStockChannels", label: "Low stock" },
  { name: "escalationChannels", label: "Escalation (still low after a day)" },
  { name: "expiryChannels", label: "Lots nearing expiry" },
] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const PHONE = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One address or number per line (commas work too). */
function list(text: FormDataEntryValue | null): string[] {
  return String(text ?? "")
    .split(/[\n,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function hour(value: FormDataEntryValue | null): number | null {
  return value === null || value === "" ? null : Number(value);
}

function hourLabel(value: number): string {
  return `${String(value).padStart(2, "0")}:00`;
}

export function AlertSettingsForm({ producerId, settings }: { producerId: string; settings: Settings }) {
  const { trpc, queryClient } = useAppContext();
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation(trpc.alerts.updateSettings.mutationOptions());
  const errors = useFormErrors(save.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const data = new FormData(event.currentTarget);
    const input = {
      producerId,
      emailRecipients: list(data.get("emailRecipients")),
      smsRecipients: list(data.get("smsRecipients")),
      whatsappRecipients: list(data.get("whatsappRecipients")),
      lowStockChannels: data.getAll("lowStockChannels") as Channel[],
      escalationChannels: data.getAll("escalationChannels") as Channel[],
      expiryChannels: data.getAll("expiryChannels") as Channel[],
      quietHoursStartHour: hour(data.get("quietHoursStartHour")),
      quietHoursEndHour: hour(data.get("quietHoursEndHour")),
    };
    const problems: Record<string, string> = {};
    const badEmail = input.emailRecipients.find((entry) => !EMAIL.test(entry));
    if (badEmail) problems.emailRecipients = `“${badEmail}” is not an email address.`;
    for (const name of ["smsRecipients", "whatsappRecipients"] as const) {
      const badPhone = input[name].find((entry) => !PHONE.test(entry));
      if (badPhone) problems[name] = `“${badPhone}”: use international format, e.g. +2348012345678.`;
    }
    if ((input.quietHoursStartHour === null) !== (input.quietHoursEndHour === null))
      problems.quietHoursEndHour = "Give both ends of the quiet hours, or neither.";
    if (!errors.check(problems)) return;
    save.mutate(input, {
      onSuccess: (saved) => {
        setDone("Alert settings saved.");
        // The saved settings are the server's answer: no refetch needed.
        queryClient.setQueryData(trpc.alerts.settings.queryKey({ producerId }), saved);
      },
    });
  };

  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-label="Alert settings">
      <FormAlert message={errors.message} />
      <Field label="Email recipients" hint="One address per line." error={errors.error("emailRecipients")}>
        {(props) => <textarea {...props} name="emailRecipients" rows={3} defaultValue={settings.recipients.EMAIL.join("\n")} spellCheck={false} />}
      </Field>
      <Field label="SMS recipients" hint="International format, e.g. +2348012345678." error={errors.error("smsRecipients")}>
        {(props) => <textarea {...props} name="smsRecipients" rows={2} defaultValue={settings.recipients.SMS.join("\n")} spellCheck={false} />}
      </Field>
      <Field label="WhatsApp recipients" hint="International format." error={errors.error("whatsappRecipients")}>
        {(props) => <textarea {...props} name="whatsappRecipients" rows={2} defaultValue={settings.recipients.WHATSAPP.join("\n")} spellCheck={false} />}
      </Field>
      <fieldset className="channel-matrix">
        <legend>Send each alert by</legend>
        {ALERTS.map((alert) => (
          <fieldset key={alert.name} className="channel-row">
            <legend>{alert.label}</legend>
            <div className="channel-options">
              {CHANNELS.map((channel) => (
                <label key={channel.value} className="check">
                  <input type="checkbox" name={alert.name} value={channel.value} defaultChecked={settings[alert.name].includes(channel.value)} />
                  {channel.label}
                </label>
              ))}
            </div>
            {errors.error(alert.name) ? <p className="field-error">{errors.error(alert.name)}</p> : null}
          </fieldset>
        ))}
      </fieldset>
      <fieldset className="quiet-hours">
        <legend>Quiet hours</legend>
        <p className="field-hint">Alerts due in this window wait until it ends. Hours are UTC.</p>
        <div className="form-grid">
          <Field label="From" error={errors.error("quietHoursStartHour")}>
            {(props) => (
              <select {...props} name="quietHoursStartHour" defaultValue={settings.quietHours?.startHour ?? ""}>
                <option value="">None</option>
                {HOURS.map((value) => (
                  <option key={value} value={value}>
                    {hourLabel(value)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Until" error={errors.error("quietHoursEndHour")}>
            {(props) => (
              <select {...props} name="quietHoursEndHour" defaultValue={settings.quietHours?.endHour ?? ""}>
                <option value="">None</option>
                {HOURS.map((value) => (
                  <option key={value} value={value}>
                    {hourLabel(value)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save settings"}
        </button>
        <FormSuccess message={done} />
      </div>
    </form>
  );
}
