/**
 * How a call is sent. `httpLink`: what the storefront sends for its hot calls (`cart.reserve`,
 * `catalog.list`, `cart.availability`): one unbatched call with its link's headers and the ones
 * Chromium adds to a same-origin fetch. `httpBatchLink`: what it sent for them before, and still
 * sends for everything else (a batch of one: `?batch=1`, body `{"0": input}`). `curl`: one unbatched
 * call with only the headers it needs (what this bench sent until then).
 */
export type RequestShape = "curl" | "httpLink" | "httpBatchLink";

const LINK_HEADERS = { "content-type": "application/json", "x-stockroom-csrf": "1" };
const BROWSER_HEADERS = {
  accept: "*/*",
  "accept-encoding": "gzip, deflate, br, zstd",
  "accept-language": "en-GB,en;q=0.9",
  origin: "http://127.0.0.1:3000",
  referer: "http://127.0.0.1:3000/checkout",
  "sec-ch-ua": '"Chromium";v="156", "Not-A.Brand";v="24"',
  "sec-ch-ua-mobile": "?0",
  "sec-ch-ua-platform": '"Linux"',
  "sec-fetch-dest": "empty",
  "sec-fetch-mode": "cors",
  "sec-fetch-site": "same-origin",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/156.0.0.0 Safari/537.36",
};
const HEADERS: Record<RequestShape, Record<string, string>> = {
  curl: LINK_HEADERS,
  httpLink: { ...BROWSER_HEADERS, ...LINK_HEADERS },
  httpBatchLink: { ...BROWSER_HEADERS, ...LINK_HEADERS },
};

/** `cart.reserve` of one unit of `productId`, as `shape` sends it. */
export function holdRequest(shape: RequestShape, productId: string): { path: string; body: string } {
  const input = { lines: [{ productId, quantity: 1 }] };
  return shape === "httpBatchLink"
    ? { path: "/trpc/cart.reserve?batch=1", body: JSON.stringify({ 0: input }) }
    : { path: "/trpc/cart.reserve", body: JSON.stringify(input) };
}

/** A GET of `procedure` with `input`, as `shape` sends it (the SPAs batch queries too). */
export function queryPath(shape: RequestShape, procedure: string, input: object): string {
  const value = shape === "httpBatchLink" ? { 0: input } : input;
  return `/trpc/${procedure}?${shape === "httpBatchLink" ? "batch=1&" : ""}input=${encodeURIComponent(JSON.stringify(value))}`;
}

/** The headers of a hold as `shape` sends it (the cart token aside). */
export const holdHeaders = (shape: RequestShape): Record<string, string> => HEADERS[shape];

/** The headers of a query as `shape` sends it (a GET carries no content type). */
export function queryHeaders(shape: RequestShape): Record<string, string> {
  const { "content-type": _, ...headers } = HEADERS[shape];
  return headers;
}
