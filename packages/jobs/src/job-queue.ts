import { fromPrisma, type PgBoss, type PrismaTransactionLike } from "pg-boss";
import { type JobName, type JobPayload, parseJobPayload } from "./definitions.ts";

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
