import { type ReactNode, useId } from "react";
import type { FieldErrors, FieldValues, Path, UseFormRegisterReturn, UseFormReturn } from "react-hook-form";

export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface FieldProps {
  label: ReactNode;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string | undefined;
  children: (props: FieldControlProps) => ReactNode;
}

/** A labelled control with its hint and its error (the browser's check or the server's reason) right below it. */
export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The message for one field: its own, or the first of its items ("smsRecipients.1" belongs to
 * smsRecipients). A dotted name reaches into nested fields ("customer.email").
 */
export function fieldMessage(errors: FieldErrors, name: string): string | undefined {
  const find = (node: unknown): string | undefined => {
    if (!node || typeof node !== "object") return undefined;
    const { message } = node as { message?: unknown };
    if (typeof message === "string" && message) return message;
    for (const child of Object.values(node)) {
      const nested = typeof child === "object" && child !== null && child !== (node as { ref?: unknown }).ref ? find(child) : undefined;
      if (nested) return nested;
    }
    return undefined;
  };
  return find(name.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), errors));
}

interface FormFieldProps<V extends FieldValues> extends Omit<FieldProps, "error" | "children"> {
  // biome-ignore lint/suspicious/noExplicitAny: any context and any parsed output: the field only registers and reads errors.
  form: UseFormReturn<V, any, any>;
  name: Path<V>;
  children: (props: FieldControlProps & UseFormRegisterReturn) => ReactNode;
}

/** A Field bound to a react-hook-form field: registered by name, showing that field's error. */
export function FormField<V extends FieldValues>({ form, name, children, ...field }: FormFieldProps<V>) {
  return (
    <Field {...field} error={fieldMessage(form.formState.errors, name)}>
      {(props) => children({ ...props, ...form.register(name) })}
    </Field>
  );
}
