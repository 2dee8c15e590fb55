import { setTimeout as sleep } from "node:timers/promises";
import { type MachineCpu, watchMachineCpu } from "../machine-cpu.ts";
import type { LoadClient } from "./http-client.ts";
import { type ProcessUsage, watchProcesses } from "./process-usage.ts";
import { type KindSummary, PhaseRecorder } from "./stats.ts";
import type { VirtualUsers } from "./virtual-users.ts";

export interface PhaseResult {
  label: string;
  users: number;
  seconds: number;
  overall: KindSummary;
  byKind: Record<string, KindSummary>;
  machine: MachineCpu;
  processes: Record<string, ProcessUsage>;
}

export interface PhasePlan {
  steps: number[];
  stepSeconds: number;
  /** Seconds between starting a step's users and measuring (they start within 5 s, then settle). */
  settleSeconds: number;
  steadyUsers: number;
  steadySeconds: number;
}

/** The ramp, and at `steadyUsers` two consecutive phases (its first minute and the next) to catch degradation. */
export function phaseList(plan: PhasePlan): { label: string; users: number; seconds: number; isNewStep: boolean }[] {
  const users = [...new Set([...plan.steps, plan.steadyUsers])].sort((a, b) => a - b);
  return users.flatMap((n) =>
    n === plan.steadyUsers
      ? [
          { label: `${n} users, steady, first`, users: n, seconds: plan.steadySeconds, isNewStep: true },
          { label: `${n} users, steady, second`, users: n, seconds: plan.steadySeconds, isNewStep: false },
        ]
      : [{ label: `${n} users`, users: n, seconds: plan.stepSeconds, isNewStep: true }],
  );
}

/** Runs every phase in order; each is measured alone (its own requests, CPU and memory). */
export async function runPhases(
  client: LoadClient,
  users: VirtualUsers,
  plan: PhasePlan,
  groups: Record<string, () => number[]>,
  log: (line: string) => void,
): Promise<PhaseResult[]> {
  const results: PhaseResult[] = [];
  for (const phase of phaseList(plan)) {
    if (phase.isNewStep) {
      users.resize(phase.users);
      await sleep(plan.settleSeconds * 1000);
    }
    const recorder = new PhaseRecorder();
    client.recorder = recorder;
    const machine = watchMachineCpu();
    const processes = watchProcesses(groups);
    const started = performance.now();
    await sleep(phase.seconds * 1000);
    const seconds = (performance.now() - started) / 1000;
    const result = { label: phase.label, users: phase.users, seconds, ...recorder.summary(seconds), machine: machine(), processes: processes() };
    results.push(result);
    const o = result.overall;
    log(
      `${phase.label}: ${o.perSecond.toFixed(0)} req/s, p50 ${o.p50} / p95 ${o.p95} / p99 ${o.p99} ms, errors ${o.errors}, expected refusals ${o.expected}; machine ${(result.machine.busy * 100).toFixed(0)}% busy`,
    );
  }
  client.recorder = null;
  return results;
}

/** The highest user count whose phases all kept the overall p99 within `limitMs` (null when none did). */
export function highestUsersWithin(results: readonly PhaseResult[], limitMs: number): number | null {
  const worst = new Map<number, number>();
  for (const r of results) worst.set(r.users, Math.max(worst.get(r.users) ?? 0, r.overall.p99));
  const within = [...worst].filter(([, p99]) => p99 <= limitMs).map(([n]) => n);
  return within.length > 0 ? Math.max(...within) : null;
}
