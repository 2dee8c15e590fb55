import { fromPrisma, type PgBoss, type PrismaTransactionLike } from "pg-boss";
import { JOB_DEFINITIONS, JOB_NAMES, type JobName, type JobPayload, parseJobPayload, type QueueSettings } from "./definitions.ts";

/** A node-postgres client inside a transaction (the coalesced hold path). */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface SendOptions {
  /** Enqueue inside this Prisma transaction: the job exists iff the transaction commits. */
  tx?: PrismaTransactionLike;
  /** Or inside this raw client's transaction. */
  client?: SqlClient;
  startAfter?: Date;
  /** At most one queued job per key (debounce). */
  singletonKey?: string;
}

/** The only way code outside the worker enqueues work: known names, validated payloads. */
export interface JobQueue {
  send<N extends JobName>(name: N, payload: JobPayload<N>, options?: SendOptions): Promise<string | null>;
}

function connection(options: Pick<SendOptions, "tx" | "client">) {
  if (options.tx) return fromPrisma(options.tx);
  const { client } = options;
  if (client) return { executeSql: async (text: string, values?: unknown[]) => ({ rows: (await client.query(text, values)).rows as never[] }) };
  return undefined;
}

export function createJobQueue(boss: PgBoss): JobQueue {
  return {
    async send(name, payload, options = {}) {
      const data = parseJobPayload(name, payload);
      return boss.send(name, data as object, {
        startAfter: options.startAfter,
        singletonKey: options.singletonKey,
        db: connection(options),
      });
    },
  };
}

/** Creates every queue we know (idempotent); call once at boot of any process that sends or works. */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  // Dead-letter queues first: a queue may only name one that exists.
  const ordered = [...JOB_NAMES].sort((a, b) => Number(isDeadLetter(b)) - Number(isDeadLetter(a)));
  for (const name of ordered) {
    if (await boss.getQueue(name)) continue;
    const settings: QueueSettings = (JOB_DEFINITIONS[name] as { queue?: QueueSettings }).queue ?? {};
    // Heartbeats let a job whose worker died be retried within seconds instead of at its expiry.
    await boss.createQueue(name, { retryLimit: 5, retryBackoff: true, retryDelay: 1, heartbeatSeconds: 10, ...settings });
  }
}

function isDeadLetter(name: JobName): boolean {
  return JOB_NAMES.some((other) => (JOB_DEFINITIONS[other] as { queue?: QueueSettings }).queue?.deadLetter === name);
}
