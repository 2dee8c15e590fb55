import { DomainError, type DomainErrorCode, isDomainError, isZodError, validationError } from "@stockroom/domain";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

/** The one mapping from domain failures to transport codes; a new domain code will not compile until added. */
export const DOMAIN_TO_TRPC: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION_FAILED: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  TIMEOUT: "SERVICE_UNAVAILABLE",
};

/** Postgres' query_canceled, what a statement past its statement_timeout fails with. */
const QUERY_CANCELED = "57014";
/** Postgres' numeric_value_out_of_range: a sum past its integer column (e.g. on hand after many receipts). */
const OUT_OF_RANGE = "22003";

/**
 * The SQLSTATE a database failure carries: node-postgres puts it on the error, Prisma's adapter
 * under meta.driverAdapterError.cause; wrappers keep the original as cause.
 */
function sqlState(error: unknown): string | null {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const e = current as { code?: unknown; originalCode?: unknown; meta?: { driverAdapterError?: { cause?: unknown } }; cause?: unknown };
    for (const code of [e.originalCode, e.code]) if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith("P")) return code;
    current = e.meta?.driverAdapterError?.cause ?? e.cause;
  }
  return null;
}

/** Whether a failure is a statement the database cancelled at its statement timeout. */
export function isStatementTimeout(error: unknown): boolean {
  return sqlState(error) === QUERY_CANCELED;
}

/**
 * A failure as the domain reports it, or null for an unknown error (a 500): domain errors as they
 * are, input schema failures as VALIDATION_FAILED naming each field, a statement timeout as TIMEOUT,
 * and a total past its integer column (inputs are bounded; sums of them are not) as VALIDATION_FAILED.
 */
export function asDomainError(error: unknown): DomainError | null {
  if (isDomainError(error)) return error;
  if (isZodError(error)) return validationError(error);
  if (isStatementTimeout(error))
    return new DomainError("TIMEOUT", "That took too long and was stopped. Try a shorter date range, or try again in a moment.", {
      cause: error,
      isRetryable: true,
    });
  if (sqlState(error) === OUT_OF_RANGE)
    return new DomainError("VALIDATION_FAILED", "That would take a quantity or amount past what can be stored.", { cause: error });
  return null;
}
