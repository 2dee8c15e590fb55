import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { type MachineCpu, watchMachineCpu } from "./machine-cpu.ts";
import { holdHeaders, holdRequest, type RequestShape } from "./request-shapes.ts";

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  conflicts: number;
  errors: number;
  /** Answers the server's tRPC fast path gave (its x-trpc-direct header) rather than tRPC's adapter. */
  direct: number;
  machine: MachineCpu;
}

interface LoadOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  /** Seconds of the same load first, not measured: JIT, connection pools and plan caches warm up. */
  warmupSeconds?: number;
  shape: RequestShape;
  /** The product each hold asks one unit of. */
  productFor: () => string;
}

/**
 * The same load in each shape, in alternating slices (`rounds` of `seconds / rounds` per shape), so a
 * machine whose speed drifts (cores shared with other work) weighs on every shape alike. Holds/s is
 * over all slices of a shape; p50 and p99 are the medians of its slices'.
 */
export async function loadByShape<S extends RequestShape>(
  options: Omit<LoadOptions, "shape" | "duration" | "amount" | "warmupSeconds">,
  shapes: readonly S[],
  { seconds, warmupSeconds, rounds }: { seconds: number; warmupSeconds: number; rounds: number },
): Promise<Record<S, LoadResult>> {
  if (warmupSeconds > 0) for (const shape of shapes) await load({ ...options, shape, duration: warmupSeconds / shapes.length });
  const slices = new Map<S, LoadResult[]>(shapes.map((shape) => [shape, []]));
  for (let round = 0; round < rounds; round++) {
    for (const shape of shapes) slices.get(shape)?.push(await load({ ...options, shape, duration: seconds / rounds }));
  }
  const merged = shapes.map((shape) => [shape, mergeSlices(slices.get(shape) ?? [])] as const);
  return Object.fromEntries(merged) as Record<S, LoadResult>;
}

function mergeSlices(slices: LoadResult[]): LoadResult {
  const sum = (key: "requests" | "ok" | "conflicts" | "errors" | "direct" | "seconds") => slices.reduce((total, slice) => total + slice[key], 0);
  const median = (key: "p50" | "p99") =>
    percentile(
      slices.map((slice) => slice[key]).sort((a, b) => a - b),
      50,
    );
  const seconds = sum("seconds");
  const busy = slices.reduce((total, slice) => total + slice.machine.busy * slice.seconds, 0) / seconds;
  const steal = slices.reduce((total, slice) => total + slice.machine.steal * slice.seconds, 0) / seconds;
  return {
    requests: sum("requests"),
    seconds,
    perSecond: sum("requests") / seconds,
    p50: median("p50"),
    p99: median("p99"),
    ok: sum("ok"),
    conflicts: sum("conflicts"),
    errors: sum("errors"),
    direct: sum("direct"),
    machine: { busy, steal },
  };
}

/** Holds over the real HTTP API on loopback, a new cart each; bounded by duration or by a request count. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds) await load({ ...options, warmupSeconds: undefined, amount: undefined, duration: options.warmupSeconds });
  const statuses = new Map<number, number>();
  let direct = 0;
  const machine = watchMachineCpu();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.duration ? { duration: options.duration } : {}),
    ...(options.amount ? { amount: options.amount } : {}),
    timeout: 30,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => ({
          ...request,
          ...holdRequest(options.shape, options.productFor()),
          headers: { ...holdHeaders(options.shape), "x-cart-token": randomBytes(18).toString("base64url") },
        }),
        onResponse: (status, _body, _context, headers) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (headers?.["x-trpc-direct"] === "1") direct++;
        },
      },
    ],
  });
  const ok = statuses.get(200) ?? 0;
  const conflicts = statuses.get(409) ?? 0;
  const other = [...statuses].filter(([s]) => s !== 200 && s !== 409).reduce((sum, [, n]) => sum + n, 0);
  return {
    requests: result.requests.total,
    seconds: result.duration,
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    conflicts,
    errors: other + result.errors + result.timeouts,
    direct,
    machine: machine(),
  };
}

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
  headers: Record<string, string> = {},
): Promise<Timings & { server: Timings; direct: number; machine: MachineCpu }> {
  const machine = watchMachineCpu();
  const timings: number[] = [];
  const serverTimings: number[] = [];
  let direct = 0;
  let remaining = total;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (remaining-- > 0) {
        const started = performance.now();
        const response = await fetch(new URL(paths(), url), { headers });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`GET failed: ${response.status}`);
        timings.push(performance.now() - started);
        serverTimings.push(Number(/dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1] ?? Number.NaN));
        if (response.headers.get("x-trpc-direct") === "1") direct++;
      }
    }),
  );
  return { ...percentiles(timings), server: percentiles(serverTimings), direct, machine: machine() };
}

function percentiles(values: number[]): Timings {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}
