/**
 * The closed set of failures the domain reports. Each carries a message safe to show a user; the
 * transport maps codes once (packages/api/src/error-map.ts) and anything else is a 500.
 */
export const DOMAIN_ERROR_CODES = [
  "VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "INVALID_CREDENTIALS",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  /** The database stopped a statement at its statement timeout (DB_STATEMENT_TIMEOUT_MS). */
  "TIMEOUT",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface DomainErrorOptions {
  /** Field path -> reason, for form errors. */
  fields?: Record<string, string>;
  /** Structured data the client may use (e.g. short lines with available quantities). */
  details?: unknown;
  /** Whether a worker should retry the job that hit this error. */
  isRetryable?: boolean;
  cause?: unknown;
  /** Seconds until a retry may succeed (rate limits). */
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly userMessage: string;
  readonly fields?: Record<string, string>;
  readonly details?: unknown;
  readonly isRetryable: boolean;
  readonly retryAfterSeconds?: number;

  constructor(code: DomainErrorCode, userMessage: string, options: DomainErrorOptions = {}) {
    super(`${code}: ${userMessage}`, { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.userMessage = userMessage;
    this.fields = options.fields;
    this.details = options.details;
    this.isRetryable = options.isRetryable ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** Another producer's record and a missing record look the same from outside. */
export function notFound(what: string): DomainError {
  return new DomainError("NOT_FOUND", `${what} not found.`);
}
