import path from "node:path";
import { createDb, createPool, DATA_DIR } from "@stockroom/db";
import type { Deps } from "@stockroom/domain";
import { createHoldCoalescer, type FileStore, LocalFileStore, MetricCounters, systemClock, type WebhookSettings } from "@stockroom/domain";
import { startSendOnlyQueue } from "@stockroom/jobs";

/** The server's dependencies: Prisma, and pg-boss used only to send (the worker supervises). */
export async function createServerDeps(
  databaseUrl: string,
  poolSize: number,
  options: {
    isHoldCoalescing: boolean;
    holdLanes: number;
    holdDepth: number;
    holdTtlSeconds: number;
    statementTimeoutMs?: number;
    cartMaxPerProduct?: number;
    cartMaxUnits?: number;
    sessionIdleMinutes?: number;
    /** PUBLIC_URL: links in customer emails. */
    publicUrl?: string;
    /** Where product images go: a folder (default: the data folder's uploads) or an S3-compatible bucket. */
    files?: FileStore;
    /** Webhook URL checks at save (WEBHOOKS_*). */
    webhooks?: WebhookSettings;
  },
): Promise<{ deps: Deps; close(): Promise<void> }> {
  // Every statement of a request is bounded (0 = no limit); pg-boss's own connections are not.
  const statementTimeoutMs = options.statementTimeoutMs || undefined;
  const db = createDb(databaseUrl, { maxConnections: poolSize, statementTimeoutMs });
  // The coalesced hold path runs batches on plain connections (see hold-coalescer.ts).
  // One connection per batch that can be in flight.
  const { holdLanes: lanes, holdDepth: depth } = options;
  const holdPool = createPool(databaseUrl, lanes * depth, { statementTimeoutMs });
  const { jobs, stop: stopQueue } = await startSendOnlyQueue(databaseUrl, { maxConnections: 4 });
  const holdCoalescer = options.isHoldCoalescing ? createHoldCoalescer({ pool: holdPool, jobs, clock: systemClock, lanes, depth }) : undefined;
  // The seed metrics' counts that leave no row (refused holds): added to the database every 5 s and at close.
  const counters = new MetricCounters(db);
  counters.start(5_000);
  return {
    deps: {
      db,
      jobs,
      clock: systemClock,
      holdCoalescer,
      counters,
      holdTtlSeconds: options.holdTtlSeconds,
      cartMaxPerProduct: options.cartMaxPerProduct,
      cartMaxUnits: options.cartMaxUnits,
      sessionIdleMinutes: options.sessionIdleMinutes,
      publicUrl: options.publicUrl,
      files: options.files ?? new LocalFileStore(path.join(DATA_DIR, "uploads")),
      webhooks: options.webhooks,
    },
    async close() {
      // Callers already in a batch get their answer before the connections close.
      await holdCoalescer?.drained();
      await counters.stop().catch(() => {});
      await stopQueue();
      await holdPool.end();
      await db.$disconnect();
    },
  };
}
