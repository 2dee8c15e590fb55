import type { StockCheck } from "./oversold.ts";
import type { PhaseResult } from "./phases.ts";

const cores = (n: number | undefined) => (n === undefined ? "-" : n.toFixed(2));
const mib = (n: number | undefined) => (n === undefined ? "-" : n.toFixed(0));

/** One row per phase: throughput, overall latency, errors, and what each process used. */
export function printPhases(phases: readonly PhaseResult[]) {
  console.table(
    Object.fromEntries(
      phases.map((p) => [
        p.label,
        {
          "req/s": Number(p.overall.perSecond.toFixed(0)),
          "p50 ms": p.overall.p50,
          "p95 ms": p.overall.p95,
          "p99 ms": p.overall.p99,
          errors: p.overall.errors,
          refused: p.overall.expected,
          "cpu srv/wrk/pg": `${cores(p.processes.server?.cpuCores)} / ${cores(p.processes.worker?.cpuCores)} / ${cores(p.processes.postgres?.cpuCores)}`,
          "bench cpu": cores(p.processes.bench?.cpuCores),
          machine: `${(p.machine.busy * 100).toFixed(0)}%`,
          "MiB srv/wrk/pg": `${mib(p.processes.server?.pssMiB)} / ${mib(p.processes.worker?.pssMiB)} / ${mib(p.processes.postgres?.pssMiB)}`,
        },
      ]),
    ),
  );
}

/** Each kind of request in one phase: how many, how fast, how many refused or failed (and how). */
export function printKinds(phase: PhaseResult) {
  console.log(`per kind, ${phase.label} (${phase.seconds.toFixed(0)} s):`);
  console.table(
    Object.fromEntries(
      Object.entries(phase.byKind).map(([kind, k]) => [
        kind,
        {
          "req/s": Number(k.perSecond.toFixed(1)),
          p50: k.p50,
          p95: k.p95,
          p99: k.p99,
          refused: k.expected,
          errors: k.errors,
          "errors by": Object.entries(k.errorsBy)
            .map(([label, n]) => `${label} x${n}`)
            .join("; "),
        },
      ]),
    ),
  );
}

export function printStockCheck(check: StockCheck) {
  const problems = Object.entries(check.problemsByCheck).map(([name, n]) => `${name} ${n}`);
  console.log(
    `stock after the run: invariant problems ${check.invariantProblems}${problems.length ? ` (${problems.join(", ")})` : ""}; oversold lots ${check.oversoldLots} (${check.oversoldUnits} units)`,
  );
  console.log(`  orders ${JSON.stringify(check.orders)}; holds ${JSON.stringify(check.holds)}`);
}
