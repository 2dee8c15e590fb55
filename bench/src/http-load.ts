import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { type MachineCpu, watchMachineCpu } from "./machine-cpu.ts";

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  conflicts: number;
  errors: number;
  machine: MachineCpu;
}

const HEADERS = { "content-type": "application/json", "x-stockroom-csrf": "1" };

interface LoadOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  /** Seconds of the same load first, not measured: JIT, connection pools and plan caches warm up. */
  warmupSeconds?: number;
  method?: "GET" | "POST";
  body?: () => string;
  path: () => string;
}

/** Drives the real HTTP API on loopback; bounded by duration or by a request count. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds) await load({ ...options, warmupSeconds: undefined, amount: undefined, duration: options.warmupSeconds });
  const statuses = new Map<number, number>();
  const machine = watchMachineCpu();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.duration ? { duration: options.duration } : {}),
    ...(options.amount ? { amount: options.amount } : {}),
    timeout: 30,
    requests: [
      {
        method: options.method ?? "GET",
        setupRequest: (request) => ({
          ...request,
          path: options.path(),
          headers: { ...HEADERS, "x-cart-token": randomBytes(18).toString("base64url") },
          body: options.body?.(),
        }),
        onResponse: (status) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        },
      },
    ],
  });
  const ok = statuses.get(200) ?? 0;
  const conflicts = statuses.get(409) ?? 0;
  const other = [...statuses].filter(([s]) => s !== 200 && s !== 409).reduce((sum, [, n]) => sum + n, 0);
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    conflicts,
    errors: other + result.errors + result.timeouts,
    machine: machine(),
  };
}

export const reserveBody = (productId: string) => JSON.stringify({ lines: [{ productId, quantity: 1 }] });

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export interface Timings {
  p50: number;
  p95: number;
  p99: number;
}

/**
 * `total` GETs over `concurrency` loops, each timed: exact percentiles of what a client sees, and of
 * the time the server reports spending on them (its `server-timing` header).
 */
export async function timedGets(
  url: string,
  paths: () => string,
  total: number,
  concurrency: number,
): Promise<Timings & { server: Timings; machine: MachineCpu }> {
  const machine = watchMachineCpu();
  const timings: number[] = [];
  const serverTimings: number[] = [];
  let remaining = total;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (remaining-- > 0) {
        const started = performance.now();
        const response = await fetch(new URL(paths(), url));
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`GET failed: ${response.status}`);
        timings.push(performance.now() - started);
        serverTimings.push(Number(/dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1] ?? Number.NaN));
      }
    }),
  );
  return { ...percentiles(timings), server: percentiles(serverTimings), machine: machine() };
}

function percentiles(values: number[]): Timings {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}
