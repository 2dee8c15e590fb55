import { randomBytes } from "node:crypto";

/**
 * What the SPAs put on the wire (apps/storefront/src/lib/trpc.ts, apps/admin/src/lib/trpc.ts):
 * the storefront's hot calls (`cart.reserve`, `catalog.list`, `cart.availability`, and calls made for
 * an earlier cart's token) go unbatched (`httpLink`), everything else through `httpBatchLink`: the
 * queries a page starts in the same tick share one `GET /trpc/a,b?batch=1&input={"0":..,"1":..}`,
 * a mutation is `POST /trpc/x?batch=1` with body `{"0": input}`. Both links send
 * `x-stockroom-csrf: 1`; the storefront's also send the cart token.
 */
export interface Call {
  path: string;
  input?: unknown;
}

export interface HttpRequest {
  method: "GET" | "POST";
  path: string;
  body?: string;
  headers: Record<string, string>;
}

const CSRF = { "x-stockroom-csrf": "1" };
/** What Chromium adds to a same-origin fetch (as bench/src/request-shapes.ts). */
const BROWSER = {
  accept: "*/*",
  "accept-encoding": "gzip, deflate, br, zstd",
  "accept-language": "en-GB,en;q=0.9",
  "sec-fetch-dest": "empty",
  "sec-fetch-mode": "cors",
  "sec-fetch-site": "same-origin",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/156.0.0.0 Safari/537.36",
};

/** Who is calling: the cart token header (storefront) or the session cookie (admin). */
export interface Caller {
  cartToken?: string;
  cookie?: string;
}

function headersFor(caller: Caller, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { ...BROWSER, ...CSRF, ...extra };
  if (caller.cartToken) headers["x-cart-token"] = caller.cartToken;
  if (caller.cookie) headers.cookie = caller.cookie;
  return headers;
}

const encode = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** One call through `httpLink`: a query as GET `?input=`, a mutation as POST with the input as body. */
export function unbatched(caller: Caller, kind: "query" | "mutation", call: Call): HttpRequest {
  if (kind === "mutation") {
    return {
      method: "POST",
      path: `/trpc/${call.path}`,
      body: JSON.stringify(call.input ?? null),
      headers: headersFor(caller, { "content-type": "application/json" }),
    };
  }
  const input = call.input === undefined ? "" : `?input=${encode(call.input)}`;
  return { method: "GET", path: `/trpc/${call.path}${input}`, headers: headersFor(caller) };
}

/** Calls through `httpBatchLink`: queries started together share one GET, a mutation is a POST batch of one. */
export function batched(caller: Caller, kind: "query" | "mutation", calls: Call[]): HttpRequest {
  const inputs = Object.fromEntries(calls.map((call, index) => [index, call.input]));
  const paths = calls.map((call) => call.path).join(",");
  if (kind === "mutation") {
    return {
      method: "POST",
      path: `/trpc/${paths}?batch=1`,
      body: JSON.stringify(inputs),
      headers: headersFor(caller, { "content-type": "application/json" }),
    };
  }
  return { method: "GET", path: `/trpc/${paths}?batch=1&input=${encode(inputs)}`, headers: headersFor(caller) };
}

/** The storefront's cart token and the SPAs' idempotency keys: random, URL-safe. */
export const newToken = () => randomBytes(24).toString("base64url");
export const newIdempotencyKey = () => randomBytes(16).toString("hex");

export interface TrpcAnswer {
  /** Each call's data (null where it failed), in the order sent. */
  data: unknown[];
  /** Each failed call's tRPC code (e.g. CONFLICT), in the order sent. */
  errorCodes: string[];
}

/** Reads an unbatched (`{result}` / `{error}`) or batched (array of those) tRPC answer. */
export function readAnswer(body: string): TrpcAnswer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { data: [], errorCodes: ["UNPARSEABLE"] };
  }
  const items = (Array.isArray(parsed) ? parsed : [parsed]) as { result?: { data?: unknown }; error?: { data?: { code?: string } } }[];
  const errorCodes = items.filter((item) => item.error).map((item) => item.error?.data?.code ?? "UNKNOWN");
  return { data: items.map((item) => item.result?.data ?? null), errorCodes };
}
