/** The nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export interface Summary {
  runs: number;
  medianMs: number;
  p95Ms: number;
  samplesMs: number[];
}

/** Median and p95 of a measure's runs, rounded to whole milliseconds. */
export function summarize(samples: readonly number[]): Summary {
  const rounded = samples.map((ms) => Math.round(ms));
  return { runs: rounded.length, medianMs: percentile(rounded, 50), p95Ms: percentile(rounded, 95), samplesMs: rounded };
}
