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

/**
 * Whether a failure is a statement the database cancelled at its timeout: node-postgres puts the
 * SQLSTATE on the error, Prisma's adapter under meta.driverAdapterError.cause; wrappers keep it as cause.
 */
export function isStatementTimeout(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const e = current as { code?: unknown; originalCode?: unknown; meta?: { driverAdapterError?: { cause?: unknown } }; cause?: unknown };
    if (e.code === QUERY_CANCELED || e.originalCode === QUERY_CANCELED) return true;
    current = e.meta?.driverAdapterError?.cause ?? e.cause;
  }
  return false;
}

/**
 * A failure as the domain reports it, or null for an unknown error (a 500): domain errors as they
 * are, input schema failures as VALIDATION_FAILED naming each field, a statement timeout as TIMEOUT.
 */
export function asDomainError(error: unknown): DomainError | null {
  if (isDomainError(error)) return error;
  if (isZodError(error)) return validationError(error);
  if (isStatementTimeout(error))
    return new DomainError("TIMEOUT", "That took too long and was stopped. Try a shorter date range, or try again in a moment.", {
      cause: error,
      isRetryable: true,
    });
  return null;
}
