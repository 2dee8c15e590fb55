import type { DomainErrorCode } from "@stockroom/domain";
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
};
