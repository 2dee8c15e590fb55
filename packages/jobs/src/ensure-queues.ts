import type { PgBoss, QueueResult } from "pg-boss";
import { JOB_DEFINITIONS, JOB_NAMES, type JobName, type QueueSettings } from "./definitions.ts";

/** Every setting ensureQueues keeps in step with the definitions, with the value a queue gets when its definition says nothing. */
export type ManagedQueueSettings = {
  policy: "standard" | "short";
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  /** Heartbeats let a job whose worker died be retried within seconds instead of at its expiry. */
  heartbeatSeconds: number;
  deadLetter: string | null;
};

const QUEUE_DEFAULTS: ManagedQueueSettings = {
  policy: "standard",
  retryLimit: 5,
  retryDelay: 1,
  retryBackoff: true,
  expireInSeconds: 900,
  heartbeatSeconds: 10,
  deadLetter: null,
};

/** The settings a job's queue must have: its definition's, over the defaults. */
export function queueSettingsFor(name: JobName): ManagedQueueSettings {
  const settings: QueueSettings = (JOB_DEFINITIONS[name] as { queue?: QueueSettings }).queue ?? {};
  return { ...QUEUE_DEFAULTS, ...settings };
}

/** The managed settings whose value in the database differs from the definition's. */
function changedSettings(existing: QueueResult, wanted: ManagedQueueSettings): Omit<Partial<ManagedQueueSettings>, "policy"> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (key !== "policy" && ((existing as unknown as Record<string, unknown>)[key] ?? null) !== value) changed[key] = value;
  }
  return changed as Omit<Partial<ManagedQueueSettings>, "policy">;
}

/**
 * Creates every queue we know and brings existing ones to their definition's settings, so a changed
 * retry, expiry, heartbeat or dead-letter setting reaches a deployed database (jobs sent afterwards
 * carry it). Idempotent; call once at boot of any process that sends or works. pg-boss cannot change
 * a queue's policy: a queue whose policy differs stops the boot, naming it, rather than run with
 * the wrong one.
 */
export async function ensureQueues(boss: PgBoss): Promise<{ created: JobName[]; updated: JobName[] }> {
  const created: JobName[] = [];
  const updated: JobName[] = [];
  // Dead-letter queues first: a queue may only name one that exists.
  const ordered = [...JOB_NAMES].sort((a, b) => Number(isDeadLetter(b)) - Number(isDeadLetter(a)));
  for (const name of ordered) {
    const wanted = queueSettingsFor(name);
    const existing = await boss.getQueue(name);
    if (!existing) {
      const { deadLetter, ...rest } = wanted;
      await boss.createQueue(name, deadLetter ? { ...rest, deadLetter } : rest);
      created.push(name);
      continue;
    }
    if (existing.policy !== wanted.policy)
      throw new Error(
        `pg-boss queue ${name} has policy ${existing.policy}, its definition says ${wanted.policy}: pg-boss cannot change a queue's policy. ` +
          `Let the queue drain, delete it (boss.deleteQueue("${name}")) and start again, or keep the old policy in packages/jobs/src/definitions.ts.`,
      );
    const changed = changedSettings(existing, wanted);
    if (Object.keys(changed).length === 0) continue;
    await boss.updateQueue(name, changed);
    updated.push(name);
  }
  return { created, updated };
}

function isDeadLetter(name: JobName): boolean {
  return JOB_NAMES.some((other) => (JOB_DEFINITIONS[other] as { queue?: QueueSettings }).queue?.deadLetter === name);
}
