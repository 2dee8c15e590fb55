import { zodResolver } from "@hookform/resolvers/zod";
import { errorMessage, FormField, useServerFieldErrors } from "@stockroom/ui";
import type { ReactNode } from "react";
import { type FieldValues, type Path, useForm } from "react-hook-form";
import type { z } from "zod";

interface EmailLinkFormProps<V extends FieldValues> {
  schema: z.ZodType<unknown, V>;
  defaults: V;
  fields: { name: Path<V>; label: string; type: string; autoComplete: string; hint?: string }[];
  submitLabel: string;
  send: (values: V) => Promise<{ message: string }>;
  isPending: boolean;
  error: unknown;
  /** The server's answer once sent: the same whatever was typed, so it tells nothing about orders. */
  answer: string | undefined;
  footer?: ReactNode;
}

/** A form that asks us to email a link: its fields, then the server's one answer in place of the form. */
export function EmailLinkForm<V extends FieldValues>({ schema, defaults, fields, submitLabel, send, isPending, error, answer, footer }: EmailLinkFormProps<V>) {
  const form = useForm<V>({ resolver: zodResolver(schema as never) as never, defaultValues: defaults as never });
  useServerFieldErrors(form, error);
  const hasFieldError = Object.keys(form.formState.errors).length > 0;
  if (answer) {
    return (
      <div className="link-sent" role="status">
        <p className="link-sent-title">Check your email</p>
        <p>{answer}</p>
        {footer}
      </div>
    );
  }
  return (
    <form className="account-form" noValidate onSubmit={form.handleSubmit((values) => send(values as V))}>
      {fields.map((field) => (
        <FormField key={field.name} form={form} name={field.name} label={field.label} hint={field.hint}>
          {(props) => <input {...props} type={field.type} autoComplete={field.autoComplete} />}
        </FormField>
      ))}
      {error && !hasFieldError ? <p className="form-error">{errorMessage(error)}</p> : null}
      <button type="submit" className="button button-block" disabled={isPending}>
        {isPending ? "Sending…" : submitLabel}
      </button>
      {footer}
    </form>
  );
}
