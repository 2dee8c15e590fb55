import { useEffect, useRef } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { fieldErrors } from "./server-error.ts";

/**
 * Puts a refused mutation's field reasons (the server's `fields`, keyed by input path) on the form's
 * fields by name: "smsRecipients.1" lands on smsRecipients. `fieldFor` renames where the form's
 * field differs from the API's (unitCostCents is typed as unitCost). A form of nested fields
 * (`nested`) keeps the whole path: "customer.email" lands on customer.email.
 */
export function useServerFieldErrors<V extends FieldValues>(
  form: { setError: UseFormSetError<V> },
  error: unknown,
  fieldFor: Record<string, Path<V>> = {},
  nested = false,
) {
  const { setError } = form;
  // A new object each render: read it through a ref so only a new refusal re-runs the effect.
  const rename = useRef(fieldFor);
  rename.current = fieldFor;
  useEffect(() => {
    if (!error) return;
    const named = new Set<string>();
    for (const [path, reason] of Object.entries(fieldErrors(error))) {
      const root = path.split(".")[0] ?? path;
      const name = rename.current[path] ?? rename.current[root] ?? (nested ? path : root);
      if (named.has(name)) continue;
      named.add(name);
      setError(name as Path<V>, { type: "server", message: reason });
    }
  }, [error, setError, nested]);
}
