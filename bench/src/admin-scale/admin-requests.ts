import { queryHeaders } from "../request-shapes.ts";

/**
 * What the admin SPA sends: one `httpBatchLink` (apps/admin/src/lib/trpc.ts) for every call, so a
 * page's queries leave together as `GET /trpc/a,b?batch=1&input={"0":...,"1":...}`, with the link's
 * CSRF header, the session cookie and the headers Chromium adds to a same-origin fetch.
 */
export interface Call {
  path: string;
  input: object;
}

/** The URL of a batch, inputs stringified as the link does (undefined fields are left out). */
export function batchPath(calls: Call[]): string {
  const input = Object.fromEntries(calls.map((call, index) => [index, call.input]));
  return `/trpc/${calls.map((call) => call.path).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

export function adminHeaders(cookie: string, page: string): Record<string, string> {
  return { ...queryHeaders("httpBatchLink"), origin: "http://127.0.0.1:3001", referer: `http://127.0.0.1:3001${page}`, cookie };
}

/** auth.signIn as the sign-in form sends it: a batch of one POST; answers the session cookie. */
export async function signIn(base: string, credentials: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${base}/trpc/auth.signIn?batch=1`, {
    method: "POST",
    headers: { ...adminHeaders("", "/sign-in"), "content-type": "application/json" },
    body: JSON.stringify({ 0: credentials }),
  });
  const body = await response.text();
  const token = /stockroom_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (!response.ok || !token) throw new Error(`sign-in of ${credentials.email} failed: ${response.status} ${body.slice(0, 300)}`);
  return `stockroom_session=${token}`;
}

/** One batch's answers; throws when any call in it failed (a batch with an error is still 200/207). */
export async function fetchBatch(base: string, path: string, headers: Record<string, string>): Promise<unknown[]> {
  const response = await fetch(new URL(path, base), { headers });
  const text = await response.text();
  const answers = parseBatch(text);
  if (!response.ok || !answers) throw new Error(`GET ${path.slice(0, 160)} failed: ${response.status} ${text.slice(0, 400)}`);
  return answers;
}

/** The data of each answer, or null when one is an error. */
export function parseBatch(text: string): unknown[] | null {
  let body: { result?: { data?: unknown }; error?: unknown }[];
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(body) || body.some((entry) => entry.error !== undefined || entry.result === undefined)) return null;
  return body.map((entry) => entry.result?.data);
}
