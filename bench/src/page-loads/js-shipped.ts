import { gzipSync } from "node:zlib";
import type { BrowserContext, Request } from "@playwright/test";

export interface JsShipped {
  /** JavaScript files the page fetched (its own requests; a service worker's precaching is not counted). */
  count: number;
  /** Their bodies gzipped by the bench (node:zlib, default level): the server sends them uncompressed. */
  gzipBytes: number;
  rawBytes: number;
  files: { path: string; gzipBytes: number }[];
}

/**
 * Starts recording the JavaScript URLs the context's pages request (not its service worker's). The
 * returned function stops recording and sizes what was requested so far.
 */
export function recordJs(context: BrowserContext): () => Promise<JsShipped> {
  const urls = new Set<string>();
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (request.serviceWorker() === null && /\.m?js$/.test(url.pathname)) urls.add(url.href);
  };
  context.on("request", onRequest);
  return () => {
    context.off("request", onRequest);
    return sizeJs([...urls]);
  };
}

/** Each file fetched once more, outside the browser, and gzipped here, so every page is sized the same way. */
export async function sizeJs(urls: readonly string[]): Promise<JsShipped> {
  const files = await Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      const body = Buffer.from(await response.arrayBuffer());
      return { path: new URL(url).pathname, rawBytes: body.length, gzipBytes: gzipSync(body).length };
    }),
  );
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    count: files.length,
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    rawBytes: files.reduce((sum, file) => sum + file.rawBytes, 0),
    files: files.map(({ path, gzipBytes }) => ({ path, gzipBytes })),
  };
}
