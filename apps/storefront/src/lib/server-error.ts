import type { AppRouter } from "@stockroom/api/client";
import { TRPCClientError } from "@trpc/client";
import { z } from "zod";

const NETWORK_MESSAGE = "Could not reach the server. Check your connection and try again.";
const FALLBACK_MESSAGE = "Something went wrong. Please try again.";

function asTrpcError(error: unknown): TRPCClientError<AppRouter> | null {
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

export function requestId(error: unknown): string | null {
  return asTrpcError(error)?.data?.requestId ?? null;
}

/** Retry once for network and server failures; never for 4xx answers (they will not change). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = asTrpcError(error)?.data?.httpStatus;
  if (status !== undefined && status < 500) return false;
  return failureCount < 1;
}

export interface ShortLine {
  productId: string;
  requested: number;
  available: number;
}

const shortLinesSchema = z.object({
  shortLines: z.array(z.object({ productId: z.string(), requested: z.number(), available: z.number() })),
});

/** A hold or order refused for short stock (CONFLICT): what each short line asked for and what is there now. */
export function shortLines(error: unknown): ShortLine[] | null {
  const data = asTrpcError(error)?.data;
  if (data?.code !== "CONFLICT") return null;
  const parsed = shortLinesSchema.safeParse(data.details);
  return parsed.success ? parsed.data.shortLines : null;
}
