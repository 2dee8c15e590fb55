import { z } from "zod";
import { DomainError } from "./errors.ts";

/** A zod failure as the domain reports it: VALIDATION_FAILED naming each field and its reason. */
export function validationError(error: z.ZodError): DomainError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "input";
    fields[key] ??= issue.message;
  }
  const summary = Object.entries(fields)
    .map(([field, reason]) => `${field}: ${reason}`)
    .join("; ");
  return new DomainError("VALIDATION_FAILED", `Invalid input. ${summary}`, { fields, cause: error });
}

export function isZodError(error: unknown): error is z.ZodError {
  return error instanceof z.ZodError;
}

/** Parse domain input; failures become VALIDATION_FAILED naming each field and its reason. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(result.error);
}
