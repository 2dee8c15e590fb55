import { gzipSync } from "node:zlib";
import type { BrowserContext, Request } from "@playwright/test";

export interface JsShipped {
  /** JavaScript files the page fetched (its own requests; a service worker's precaching is not counted). */
  count: number;
  /** Their bodies gzipped by the bench (node:zlib, default level): the server sends them uncompressed. */
  gzipBytes: number;
  rawBytes: number;
  /** Of those, the files requested before the content showed (the rest came after: lazy parts, idle loads). */
  beforeContent: { count: number; gzipBytes: number };
  files: { path: string; gzipBytes: number; isBeforeContent: boolean }[];
}

export interface JsRecorder {
  /** Notes which files had been requested when the content showed. */
  markContent(): void;
  /** Stops recording and sizes every file requested so far. */
  finish(): Promise<JsShipped>;
}

/** Starts recording the JavaScript URLs the context's pages request (not its service worker's). */
export function recordJs(context: BrowserContext): JsRecorder {
  const urls = new Set<string>();
  let atContent: Set<string> | undefined;
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (request.serviceWorker() === null && /\.m?js$/.test(url.pathname)) urls.add(url.href);
  };
  context.on("request", onRequest);
  return {
    markContent: () => {
      atContent = new Set(urls);
    },
    finish: () => {
      context.off("request", onRequest);
      return sizeJs([...urls], atContent ?? urls);
    },
  };
}

/** Each file fetched once more, outside the browser, and gzipped here, so every page is sized the same way. */
export async function sizeJs(urls: readonly string[], beforeContent: ReadonlySet<string>): Promise<JsShipped> {
  const files = await Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      const body = Buffer.from(await response.arrayBuffer());
      return { path: new URL(url).pathname, rawBytes: body.length, gzipBytes: gzipSync(body).length, isBeforeContent: beforeContent.has(url) };
    }),
  );
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const early = files.filter((file) => file.isBeforeContent);
  return {
    count: files.length,
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    rawBytes: files.reduce((sum, file) => sum + file.rawBytes, 0),
    beforeContent: { count: early.length, gzipBytes: early.reduce((sum, file) => sum + file.gzipBytes, 0) },
    files: files.map(({ path, gzipBytes, isBeforeContent }) => ({ path, gzipBytes, isBeforeContent })),
  };
}
