import { errorMessage, fieldError, fieldErrors } from "@stockroom/ui";
import { useState } from "react";

const CHECK_FIELDS = "Check the highlighted fields.";

/**
 * Errors for a form: the browser's own checks first (nothing is sent while they fail), then the
 * server's message and per-field reasons from a refused mutation. `fieldFor` maps a server field
 * name onto the form's (e.g. unitCostCents -> unitCost).
 */
export function useFormErrors(serverError: unknown, fieldFor: Record<string, string> = {}) {
  const [clientFields, setClientFields] = useState<Record<string, string>>({});
  const hasClientErrors = Object.keys(clientFields).length > 0;
  const server = serverError ? fieldErrors(serverError) : {};
  const mapped: Record<string, string> = {};
  for (const [key, reason] of Object.entries(server)) {
    const root = key.split(".")[0] ?? key;
    mapped[fieldFor[root] ?? root] ??= reason;
  }
  const fields = hasClientErrors ? clientFields : mapped;
  return {
    /** Reason for one form field, if any. */
    error: (name: string) => fieldError(fields, name),
    message: hasClientErrors ? CHECK_FIELDS : serverError ? errorMessage(serverError) : null,
    /** Records the browser-side check; true when the form may be sent. */
    check: (errors: Record<string, string>) => {
      setClientFields(errors);
      return Object.keys(errors).length === 0;
    },
    clear: () => setClientFields({}),
  };
}

/** A whole number typed by a person, or a reason it is not one. */
export function parseWholeNumber(text: string, { min, allowZero = true }: { min?: number; allowZero?: boolean } = {}): number | string {
  const trimmed = text.trim();
  if (trimmed === "") return "Enter a number.";
  if (!/^[-+]?\d+$/.test(trimmed)) return "Enter a whole number.";
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) return "That number is too large.";
  if (!allowZero && value === 0) return "Cannot be zero.";
  if (min !== undefined && value < min) return `Must be at least ${min}.`;
  return value;
}

/** "2.49" pounds -> 249 pence, or a reason it is not a price. */
export function parseMoneyToCents(text: string): number | string {
  const trimmed = text.trim().replace(/^£/, "");
  if (trimmed === "") return "Enter an amount.";
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return "Enter an amount like 2.49.";
  return Math.round(Number(trimmed) * 100);
}
