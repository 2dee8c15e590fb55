/** How one request ended: answered, refused for a business reason the SPA expects (e.g. out of stock), or an error. */
export type Outcome = "ok" | "expected" | "error";

/** The tRPC codes that are answers a shop gives under load, not faults: counted apart from errors. */
const EXPECTED_CODES = new Set(["CONFLICT"]);

/**
 * 2xx is ok; 429 and 5xx are always errors; otherwise the answer is expected only when every failed
 * call in it carries an expected code (a batch with one CONFLICT answers 207 or 409).
 */
export function classify(status: number, errorCodes: string[]): Outcome {
  if (status === 429 || status >= 500) return "error";
  if (errorCodes.length === 0) return status >= 200 && status < 300 ? "ok" : "error";
  return errorCodes.every((code) => EXPECTED_CODES.has(code)) ? "expected" : "error";
}

/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export interface KindSummary {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  expected: number;
  errors: number;
  /** Errors by HTTP status and tRPC code, e.g. "429" or "400 BAD_REQUEST". */
  errorsBy: Record<string, number>;
}

interface KindSamples {
  latencies: number[];
  expected: number;
  errors: number;
  errorsBy: Map<string, number>;
}

/** Every request of one phase, by kind; summarised into requests/s and p50/p95/p99 per kind and overall. */
export class PhaseRecorder {
  private readonly kinds = new Map<string, KindSamples>();

  record(kind: string, latencyMs: number, outcome: Outcome, errorLabel = "") {
    let samples = this.kinds.get(kind);
    if (!samples) {
      samples = { latencies: [], expected: 0, errors: 0, errorsBy: new Map() };
      this.kinds.set(kind, samples);
    }
    samples.latencies.push(latencyMs);
    if (outcome === "expected") samples.expected++;
    if (outcome === "error") {
      samples.errors++;
      samples.errorsBy.set(errorLabel, (samples.errorsBy.get(errorLabel) ?? 0) + 1);
    }
  }

  summary(seconds: number): { overall: KindSummary; byKind: Record<string, KindSummary> } {
    const byKind: Record<string, KindSummary> = {};
    const all: KindSamples = { latencies: [], expected: 0, errors: 0, errorsBy: new Map() };
    for (const [kind, samples] of [...this.kinds].sort(([a], [b]) => a.localeCompare(b))) {
      byKind[kind] = summarise(samples, seconds);
      all.latencies.push(...samples.latencies);
      all.expected += samples.expected;
      all.errors += samples.errors;
      for (const [label, n] of samples.errorsBy) all.errorsBy.set(label, (all.errorsBy.get(label) ?? 0) + n);
    }
    return { overall: summarise(all, seconds), byKind };
  }
}

function summarise(samples: KindSamples, seconds: number): KindSummary {
  const sorted = Float64Array.from(samples.latencies).sort();
  const at = (p: number) => Math.round(percentile(sorted, p) * 10) / 10;
  return {
    requests: sorted.length,
    perSecond: seconds > 0 ? sorted.length / seconds : 0,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    expected: samples.expected,
    errors: samples.errors,
    errorsBy: Object.fromEntries(samples.errorsBy),
  };
}
