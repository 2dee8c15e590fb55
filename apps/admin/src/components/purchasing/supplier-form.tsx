import { SUPPLIER_CHANNELS } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { z } from "zod";
import { wholeNumberText } from "../../lib/form-text.ts";
import { useApiForm } from "../../lib/use-api-form.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";

// The contract's fields, with the lead time typed as text (the server parses the same rules again).
export const supplierFormSchema = z
  .object({
    name: z.string().trim().min(1, "Enter the supplier's name.").max(120),
    contactName: z.string().trim().max(120),
    email: z.string().trim().max(254),
    phone: z.string().trim().max(40),
    channel: z.enum(SUPPLIER_CHANNELS),
    webhookUrl: z.string().trim().max(500),
    leadTimeDays: wholeNumberText(z.number().int().min(0, "Lead time cannot be negative.").max(365, "At most 365 days.")),
    notes: z.string().trim().max(2_000),
  })
  .superRefine((s, ctx) => {
    if (s.channel === "EMAIL" && !s.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Purchase orders go by email: enter the address." });
    if (s.channel === "WEBHOOK" && !s.webhookUrl)
      ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: "Purchase orders go by webhook: enter its URL." });
  });
export type SupplierFormValues = z.output<typeof supplierFormSchema>;

export interface SupplierFormProps {
  initial?: Partial<Record<keyof z.input<typeof supplierFormSchema>, string | null>>;
  label: string;
  isPending: boolean;
  serverError: unknown;
  done: string | null;
  onSubmit: (values: SupplierFormValues) => void;
}

/** Create or edit a supplier: contact, how approved orders reach them (email or webhook), lead time, notes. */
export function SupplierForm({ initial = {}, label, isPending, serverError, done, onSubmit }: SupplierFormProps) {
  const text = (key: keyof typeof initial) => initial[key] ?? "";
  const { form, message } = useApiForm({
    schema: supplierFormSchema,
    serverError,
    defaultValues: {
      name: text("name"),
      contactName: text("contactName"),
      email: text("email"),
      phone: text("phone"),
      channel: (initial.channel as "EMAIL" | "WEBHOOK" | undefined) ?? "EMAIL",
      webhookUrl: text("webhookUrl"),
      leadTimeDays: text("leadTimeDays") || "7",
      notes: text("notes"),
    },
  });
  return (
    <form className="stock-form" onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label={label}>
      <FormAlert message={message} />
      <div className="form-grid">
        <FormField form={form} name="name" label="Name">
          {(props) => <input {...props} autoComplete="off" />}
        </FormField>
        <FormField form={form} name="contactName" label="Contact name">
          {(props) => <input {...props} autoComplete="off" />}
        </FormField>
        <FormField form={form} name="email" label="Email">
          {(props) => <input {...props} type="email" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="phone" label="Phone">
          {(props) => <input {...props} type="tel" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="channel" label="Send approved orders by">
          {(props) => (
            <select {...props}>
              <option value="EMAIL">Email</option>
              <option value="WEBHOOK">Webhook (signed POST)</option>
            </select>
          )}
        </FormField>
        <FormField form={form} name="webhookUrl" label="Webhook URL">
          {(props) => <input {...props} type="url" placeholder="https://" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="leadTimeDays" label="Lead time (days)">
          {(props) => <input {...props} inputMode="numeric" />}
        </FormField>
        <FormField form={form} name="notes" label="Notes">
          {(props) => <input {...props} autoComplete="off" />}
        </FormField>
      </div>
      <FormActions label={label} pendingLabel="Saving…" isPending={isPending} done={done} />
    </form>
  );
}

/** Form values as the API takes them (empty text is "not given"). */
export function supplierInput(values: SupplierFormValues) {
  const orNull = (s: string) => (s === "" ? null : s);
  return {
    ...values,
    contactName: orNull(values.contactName),
    email: orNull(values.email),
    phone: orNull(values.phone),
    webhookUrl: orNull(values.webhookUrl),
    notes: orNull(values.notes),
  };
}
