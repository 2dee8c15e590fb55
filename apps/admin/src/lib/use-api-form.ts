import { zodResolver } from "@hookform/resolvers/zod";
import { errorMessage, useServerFieldErrors } from "@stockroom/ui";
import { type DefaultValues, type FieldValues, type Path, useForm } from "react-hook-form";
import type { z } from "zod";

const CHECK_FIELDS = "Check the highlighted fields.";

interface ApiFormOptions<S extends z.ZodType<FieldValues, FieldValues>> {
  /** The form's schema: the contract's, with text inputs parsed first (lib/form-text.ts). */
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  /** The mutation's error: its field reasons land on the fields, its message in the form's alert. */
  serverError: unknown;
  /** Where the form's field name differs from the API's input path. */
  fieldFor?: Record<string, Path<z.input<S>>>;
}

/**
 * A react-hook-form form checked in the browser by the same zod schema the server parses (nothing is
 * sent while it fails), showing the server's refusal on the same fields.
 */
export function useApiForm<S extends z.ZodType<FieldValues, FieldValues>>({ schema, defaultValues, serverError, fieldFor }: ApiFormOptions<S>) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema), defaultValues });
  useServerFieldErrors(form, serverError, fieldFor);
  const hasClientErrors = Object.values(form.formState.errors).some((error) => error?.type !== "server");
  const message = hasClientErrors ? CHECK_FIELDS : serverError ? errorMessage(serverError) : null;
  return { form, message };
}
