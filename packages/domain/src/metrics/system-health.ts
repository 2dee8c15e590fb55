import type { StaffActor } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { latestBackupStatus } from "./backup-status.ts";
import { latestInventoryCheck } from "./inventory-check.ts";
import { seedMetricTrends } from "./seed-metric-trends.ts";
import { computeSeedMetrics } from "./seed-metrics.ts";
import { readFailedJobs, readQueueDepths } from "./service-readings.ts";

/** Days of daily trend on System health. */
export const TREND_DAYS = 14;
/** Problems of the last drift check shown on System health (the check keeps up to 500). */
const SHOWN_PROBLEMS = 20;

interface Problem {
  lotId: string;
  lotNumber: string;
  check: string;
  message: string;
}

/** One queue's waiting, running and failed (24 h) jobs. */
function queueTable(depths: Awaited<ReturnType<typeof readQueueDepths>>, failed: Awaited<ReturnType<typeof readFailedJobs>>) {
  const byQueue = new Map<string, { queue: string; waiting: number; active: number; failed24h: number }>();
  const row = (queue: string) => {
    const found = byQueue.get(queue);
    if (found) return found;
    const added = { queue, waiting: 0, active: 0, failed24h: 0 };
    byQueue.set(queue, added);
    return added;
  };
  for (const d of depths) {
    if (d.state === "active") row(d.queue).active += d.jobs;
    else row(d.queue).waiting += d.jobs;
  }
  for (const f of failed) row(f.queue).failed24h += f.jobs;
  return [...byQueue.values()].sort((a, b) => a.queue.localeCompare(b.queue));
}

/** Everything System health shows (platform only): the seven metrics with their trends, queues, the last drift check, the last backup. */
export async function systemHealth(deps: Deps, input: { backupsDir: string | undefined }) {
  const now = deps.clock.now();
  const [metrics, trends, depths, failed, check, backup] = await Promise.all([
    computeSeedMetrics(deps.db, now),
    seedMetricTrends(deps, { days: TREND_DAYS }),
    readQueueDepths(deps),
    readFailedJobs(deps),
    latestInventoryCheck(deps),
    latestBackupStatus({ backupsDir: input.backupsDir, now }),
  ]);
  const problems = ((check?.problems ?? []) as unknown as Problem[]).slice(0, SHOWN_PROBLEMS);
  return {
    now: now.toISOString(),
    metrics,
    trends,
    queues: queueTable(depths, failed),
    lastCheck: check
      ? {
          id: check.id,
          trigger: check.trigger,
          finishedAt: check.finishedAt.toISOString(),
          lotsChecked: check.lotsChecked,
          violations: check.violations,
          problems: problems.map((p) => ({ lotId: p.lotId, lotNumber: p.lotNumber, check: p.check, message: p.message })),
        }
      : null,
    backup,
  };
}

/** A platform admin's "Run check now": enqueues the drift detector (the worker runs it) and audits the request. */
export async function requestInventoryCheck(deps: Deps, actor: StaffActor): Promise<{ queued: boolean }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const jobId = await deps.jobs.send("inventory.check", { trigger: "manual" }, { tx });
    await recordAudit(tx, { action: "system.inventory_check_requested", at: now, actor, details: { queued: jobId !== null } });
    return { queued: jobId !== null };
  });
}
