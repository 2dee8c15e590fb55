import type { APIRequestContext, APIResponse, Page, Response } from "@playwright/test";

/** tRPC over plain HTTP, as the server speaks it: what an API client (or a test) sends and gets back. */
export const CSRF = { "x-stockroom-csrf": "1" } as const;

export interface TrpcError {
  message: string;
  data: { code: string; httpStatus: number; details: unknown; userMessage: string; fields: Record<string, string> | null };
}

export type TrpcOutcome<T> = { ok: true; data: T } | { ok: false; error: TrpcError };

type Envelope<T> = { result: { data: T } } | { error: TrpcError };

function outcome<T>(envelope: Envelope<T> | undefined): TrpcOutcome<T> {
  if (!envelope) throw new Error("no tRPC answer for this procedure in the response");
  return "error" in envelope ? { ok: false, error: envelope.error } : { ok: true, data: envelope.result.data };
}

async function parse<T>(response: APIResponse): Promise<TrpcOutcome<T>> {
  return outcome((await response.json()) as Envelope<T>);
}

export async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown, headers: Record<string, string> = {}): Promise<TrpcOutcome<T>> {
  return parse<T>(await request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers }));
}

export async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown, headers: Record<string, string> = {}): Promise<TrpcOutcome<T>> {
  return parse<T>(await request.post(`/trpc/${path}`, { data: input ?? {}, headers: { ...CSRF, ...headers } }));
}

/** Throws with the server's message unless the call succeeded. */
export function expectOk<T>(result: TrpcOutcome<T>): T {
  if (!result.ok) throw new Error(`tRPC call failed: ${result.error.data.code} ${result.error.message}`);
  return result.data;
}

/** The procedures one browser request carried (`/trpc/a,b?batch=1`). */
function proceduresOf(url: string): string[] {
  return decodeURIComponent(new URL(url).pathname.replace(/^\/trpc\//, "")).split(",");
}

/** Waits for the browser's next request/response of `path` (batched or not). Start waiting before the action. */
export function waitForTrpcResponse(page: Page, path: string): Promise<Response> {
  return page.waitForResponse((response) => new URL(response.url()).pathname.startsWith("/trpc/") && proceduresOf(response.url()).includes(path));
}

/** The outcome of `path` inside a browser response (the SPA batches calls). */
export async function trpcOutcomeOf<T>(response: Response, path: string): Promise<TrpcOutcome<T>> {
  const body = (await response.json()) as Envelope<T> | Envelope<T>[];
  return outcome(Array.isArray(body) ? body[proceduresOf(response.url()).indexOf(path)] : body);
}

/** The input the browser sent for `path` (mutations are POSTed; a batch body is keyed by index). */
export function trpcInputOf(response: Response, path: string): unknown {
  const body = response.request().postDataJSON() as Record<string, unknown> | null;
  if (!body) return null;
  return new URL(response.url()).searchParams.has("batch") ? body[String(proceduresOf(response.url()).indexOf(path))] : body;
}
