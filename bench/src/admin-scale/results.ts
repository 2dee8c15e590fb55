import type { Measured, TimingOptions } from "./measure.ts";
import type { AdminScaleData } from "./seed.ts";

/** What bench:admin writes to bench/results/admin.json. */
export interface AdminResults {
  date: string;
  machine: { cores: number; memoryGiB: number; postgres: string | undefined; node: string };
  data: AdminScaleData;
  timing: TimingOptions;
  /** False until every measure ran: the file is rewritten after each one, so a run stopped early keeps its numbers. */
  isComplete: boolean;
  measures: (Measured & { staff: string; label: string; goalMs: number })[];
}
