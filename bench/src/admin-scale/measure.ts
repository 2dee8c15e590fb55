import { percentile } from "../http-load.ts";
import { batchPath, type Call, fetchBatch, parseBatch } from "./admin-requests.ts";
import type { Case } from "./cases.ts";

export interface Measured {
  p50: number;
  p95: number;
  server: { p50: number; p95: number };
  /** Timed requests (fewer than asked when the time budget ran out first). */
  requests: number;
  /** Timed answers that were errors (a statement timeout is a 503); their times are counted. */
  errors: number;
  /** For a deep page: how it was reached ("cursor" after walking nextCursor, or "page"). */
  reachedBy?: "cursor" | "page";
}

export interface TimingOptions {
  warmup: number;
  timed: number;
  concurrency: number;
  /** No new request starts after this many seconds of a phase: a slow query cannot stall the run. */
  warmupSeconds: number;
  timedSeconds: number;
}

/**
 * `warmup` untimed then `timed` timed requests of one path over `concurrency` loops, each phase
 * within its time budget: percentiles of the client's time and of the server's own
 * (`Server-Timing: app;dur=`). Every answer is read and checked.
 */
export async function timeRequests(base: string, path: string, headers: Record<string, string>, options: TimingOptions): Promise<Measured> {
  await phase(base, path, headers, options.warmup, options.warmupSeconds, options.concurrency);
  const samples = await phase(base, path, headers, options.timed, options.timedSeconds, options.concurrency);
  const c = sorted(samples.map((s) => s.client));
  const s = sorted(samples.map((s) => s.server));
  const errors = samples.filter((sample) => !sample.isOk).length;
  return { p50: percentile(c, 50), p95: percentile(c, 95), server: { p50: percentile(s, 50), p95: percentile(s, 95) }, requests: c.length, errors };
}

interface Sample {
  client: number;
  server: number;
  isOk: boolean;
}

async function phase(base: string, path: string, headers: Record<string, string>, count: number, seconds: number, concurrency: number) {
  const samples: Sample[] = [];
  const deadline = performance.now() + seconds * 1000;
  let remaining = count;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (remaining-- > 0 && performance.now() < deadline) {
        const begin = performance.now();
        const response = await fetch(new URL(path, base), { headers });
        const text = await response.text();
        const client = performance.now() - begin;
        const server = Number(/dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1] ?? Number.NaN);
        samples.push({ client, server, isOk: response.ok && parseBatch(text) !== null });
      }
    }),
  );
  return samples;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

/**
 * The request a case times. A deep page: if the list answers a `nextCursor`, the page is reached
 * by following it (untimed) and its cursor is timed; otherwise `page: deepPage` is sent.
 */
export async function pathFor(base: string, c: Case, headers: Record<string, string>): Promise<{ path: string; reachedBy?: "cursor" | "page" }> {
  if (!c.deepPage) return { path: batchPath(c.calls) };
  const [first] = c.calls as [Call];
  const input = first.input as Record<string, unknown>;
  const [answer] = (await fetchBatch(base, batchPath([first]), headers)) as [{ nextCursor?: unknown }];
  if (answer.nextCursor === undefined) return { path: batchPath([{ ...first, input: { ...input, page: c.deepPage } }]), reachedBy: "page" };
  const { page: _page, ...withoutPage } = input;
  let cursor = answer.nextCursor;
  for (let page = 2; page < c.deepPage; page++) {
    const [next] = (await fetchBatch(base, batchPath([{ ...first, input: { ...withoutPage, cursor } }]), headers)) as [{ nextCursor?: unknown }];
    if (next.nextCursor === undefined || next.nextCursor === null) throw new Error(`the list ended before page ${c.deepPage} (at page ${page})`);
    cursor = next.nextCursor;
  }
  return { path: batchPath([{ ...first, input: { ...withoutPage, cursor } }]), reachedBy: "cursor" };
}
