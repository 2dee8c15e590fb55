import type { z } from "zod";
import { DomainError } from "./errors.ts";

/** Parse domain input; failures become VALIDATION_FAILED naming each field and its reason. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "input";
    fields[key] ??= issue.message;
  }
  const summary = Object.entries(fields)
    .map(([field, reason]) => `${field}: ${reason}`)
    .join("; ");
  throw new DomainError("VALIDATION_FAILED", `Invalid input. ${summary}`, { fields, cause: result.error });
}
