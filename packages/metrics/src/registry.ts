import type { Deps } from "@stockroom/domain";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import { registerDatabaseMetrics } from "./database-gauges.ts";
import { registerSeedMetrics } from "./seed-gauges.ts";

export interface ServiceMetrics {
  registry: Registry;
  /** One HTTP request (or one procedure of a tRPC batch) that finished. */
  observeRequest(labels: { procedure: string; method: string; status: number }, seconds: number): void;
  /** One job a worker handled (outcome: completed, failed = retried, deadletter = given up). */
  observeJob(labels: { queue: string; outcome: "completed" | "failed" | "deadletter" }, seconds: number): void;
}

/**
 * A process's registry: Node's own metrics (memory, CPU, event loop lag, GC) labelled with the
 * service, request latencies by procedure and status, and the database-read metrics (the seed
 * metrics, queues, connections) — the same names from the server and the worker.
 */
export function createServiceMetrics(
  service: "server" | "worker",
  db: Deps["db"],
  options: {
    seedCacheMs?: number;
    /** The hold coalescer's running totals (the server's): requests and the batches they went in. */
    holdBatches?: () => { requests: number; batches: number } | undefined;
  } = {},
): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  registerSeedMetrics(registry, db, options.seedCacheMs);
  registerDatabaseMetrics(registry, { db });
  const { holdBatches } = options;
  if (holdBatches) {
    // rate(requests) / rate(batches) is the mean batch size: how much group commit is saving.
    for (const [name, help, pick] of [
      ["stockroom_hold_requests_total", "Hold requests taken by the coalescer (this process).", "requests"],
      ["stockroom_hold_batches_total", "Batches (transactions) the coalescer ran them in (this process).", "batches"],
    ] as const) {
      new Counter({
        name,
        help,
        registers: [registry],
        collect() {
          this.reset();
          this.inc(holdBatches()?.[pick] ?? 0);
        },
      });
    }
  }
  const requests = new Histogram({
    name: "stockroom_http_request_duration_seconds",
    help: "HTTP requests by procedure (tRPC) or route (REST, files), method and status.",
    labelNames: ["procedure", "method", "status"],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
    registers: [registry],
  });
  const jobs = new Histogram({
    name: "stockroom_job_duration_seconds",
    help: "Jobs handled by this worker, by queue and outcome.",
    labelNames: ["queue", "outcome"],
    buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
    registers: [registry],
  });
  return {
    registry,
    observeJob: (labels, seconds) => jobs.observe(labels, seconds),
    observeRequest: ({ procedure, method, status }, seconds) => requests.observe({ procedure, method, status: String(status) }, seconds),
  };
}
