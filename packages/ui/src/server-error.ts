import type { AppRouter } from "@stockroom/api/client";
import { TRPCClientError } from "@trpc/client";

const NETWORK_MESSAGE = "Could not reach the server. Check your connection and try again.";
const FALLBACK_MESSAGE = "Something went wrong. Please try again.";

/** The tRPC error behind a failed call, or null for anything else. */
export function asTrpcError(error: unknown): TRPCClientError<AppRouter> | null {
  return error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>) : null;
}

/** The message to show a person: the server's own user-facing message when there is one. */
export function errorMessage(error: unknown): string {
  const trpcError = asTrpcError(error);
  if (trpcError) {
    if (trpcError.data?.userMessage) return trpcError.data.userMessage;
    if (trpcError.cause instanceof TypeError || trpcError.message === "Failed to fetch") return NETWORK_MESSAGE;
    return trpcError.message || FALLBACK_MESSAGE;
  }
  return error instanceof Error && error.message ? error.message : FALLBACK_MESSAGE;
}

/** Field name -> reason, for messages shown next to form fields. */
export function fieldErrors(error: unknown): Record<string, string> {
  return asTrpcError(error)?.data?.fields ?? {};
}

/** The request id the server logged the failure under, to quote to support. */
export function requestId(error: unknown): string | null {
  return asTrpcError(error)?.data?.requestId ?? null;
}

/** Not signed in (or the session ended). */
export function isUnauthenticated(error: unknown): boolean {
  return asTrpcError(error)?.data?.code === "UNAUTHORIZED";
}

/** Retry once for network and server failures; never for 4xx answers (they will not change). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = asTrpcError(error)?.data?.httpStatus;
  if (status !== undefined && status < 500) return false;
  return failureCount < 1;
}

/** Not found, or another producer's record (the API never tells them apart). */
export function isNotFound(error: unknown): boolean {
  return asTrpcError(error)?.data?.code === "NOT_FOUND";
}

/** The structured details a domain error carries (e.g. `{ canQuarantine: true }`), or null. */
export function errorDetails(error: unknown): Record<string, unknown> | null {
  const details = asTrpcError(error)?.data?.details;
  return details !== null && typeof details === "object" ? (details as Record<string, unknown>) : null;
}
