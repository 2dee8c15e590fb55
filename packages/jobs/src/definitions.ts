import { z } from "zod";

export interface QueueSettings {
  policy?: "standard" | "short";
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A job active this long without finishing is failed (and retried). */
  expireInSeconds?: number;
  deadLetter?: JobNameLiteral;
  /** A job whose worker stops heartbeating this long is retried (killed worker). */
  heartbeatSeconds?: number;
}
type JobNameLiteral = "notifications.dead";

/**
 * Every job the system runs: dotted name -> payload schema, version and queue settings. The
 * api/domain send them, the worker handles them; both sides parse payloads with these schemas.
 */
export const JOB_DEFINITIONS = {
  /** Deletes expired staff sessions and old login attempts. Scheduled hourly by the worker. */
  "auth.purge-expired-sessions": {
    version: 1,
    payload: z.object({ loginAttemptRetentionHours: z.number().int().positive().default(24) }),
  },
  /** Deletes customers' expired sign-in links and sessions. Scheduled hourly by the worker. */
  "customers.purge-expired": {
    version: 1,
    payload: z.object({}),
  },
  /**
   * Scheduled at the holds' expiresAt, in their own transaction: ends those carts' holds that are due.
   * One job per transaction: a coalesced batch of holds enqueues one job naming all its carts.
   * (Version 2 named one cart; such jobs still queued are read as a list of one.)
   */
  "hold.expire": {
    version: 3,
    payload: z.union([
      z.object({ cartIds: z.array(z.string().min(20).max(128)).min(1).max(1_000) }),
      z.object({ cartId: z.string().min(20).max(128) }).transform(({ cartId }) => ({ cartIds: [cartId] })),
    ]),
  },
  /** Every minute: releases any due hold the per-hold jobs missed. */
  "hold.sweep": {
    version: 1,
    payload: z.object({}),
  },
  /** Enqueued by every stock change in its transaction; one queued per product (debounce). */
  "stock.check-low": {
    version: 1,
    payload: z.object({ productId: z.string().uuid() }),
    queue: { policy: "short" },
  },
  /** Hourly safety net for low stock, and the 24 h re-notification clock. */
  "stock.sweep-low": {
    version: 1,
    payload: z.object({}),
  },
  /** Hourly: cancels PENDING orders not confirmed within PENDING_ORDER_TTL_HOURS, releasing their stock. */
  "orders.expire-pending": {
    version: 1,
    payload: z.object({}),
  },
  /** Enqueued by placeOrder in its transaction: tells the producer's alert recipients about the order (once: dedupe key). */
  "orders.new-order-alert": {
    version: 1,
    payload: z.object({ orderId: z.string().uuid() }),
  },
  /** Daily: expiry bands and their alerts. */
  "lots.mark-expiry": {
    version: 1,
    payload: z.object({}),
  },
  /** Daily, and when a platform admin asks: the invariant checker (drift detector); it only reports. */
  "inventory.check": {
    version: 1,
    payload: z.object({ trigger: z.enum(["schedule", "manual"]).default("schedule") }),
    queue: { policy: "short", retryLimit: 1, expireInSeconds: 3_600 },
  },
  /** Delivers one notification; retried with backoff, then dead-lettered. */
  "notifications.send": {
    version: 1,
    payload: z.object({ notificationId: z.string().uuid() }),
    queue: { retryLimit: 2, retryDelay: 1, retryBackoff: true, deadLetter: "notifications.dead", heartbeatSeconds: 10 },
  },
  /**
   * Applies a validated CSV import in one transaction (all-or-nothing); progress is written to the
   * Import row. A killed worker's job is retried after the heartbeat and starts over: nothing of
   * the first attempt was committed.
   */
  "imports.apply": {
    version: 1,
    payload: z.object({ importId: z.string().uuid() }),
    queue: { retryLimit: 2, retryDelay: 1, heartbeatSeconds: 10, expireInSeconds: 3_600 },
  },
  /**
   * One attempt of one webhook delivery (queued by the worker's dispatcher). Its own retry schedule
   * lives on the delivery row (WEBHOOKS_RETRY_DELAYS); these retries only cover a worker that died
   * or a database error mid-attempt.
   */
  "webhooks.deliver": {
    version: 1,
    payload: z.object({ deliveryId: z.string().uuid() }),
    queue: { retryLimit: 3, retryDelay: 5, heartbeatSeconds: 10, expireInSeconds: 120 },
  },
  /**
   * Enqueued with the low-stock check after stock changes (one queued per product): drafts a
   * purchase order line for the preferred supplier when the product is at or below its reorder point.
   */
  "purchasing.check-reorder": {
    version: 1,
    payload: z.object({ productId: z.string().uuid() }),
    queue: { policy: "short" },
  },
  /** Every 15 minutes: the reorder check for every product with a preferred supplier and nothing awaiting approval. */
  "purchasing.sweep-reorder": {
    version: 1,
    payload: z.object({}),
  },
  /** Posts an approved purchase order to a WEBHOOK supplier, signed (standardwebhooks); retried with backoff. */
  "purchasing.send-webhook": {
    version: 1,
    payload: z.object({ purchaseOrderId: z.string().uuid() }),
    queue: { retryLimit: 5, retryDelay: 5, retryBackoff: true, heartbeatSeconds: 10 },
  },
  /** Retries exhausted: the record is marked FAILED with the reason. */
  "notifications.dead": {
    version: 1,
    payload: z.object({ notificationId: z.string().uuid() }),
  },
} as const satisfies Record<string, { version: number; payload: z.ZodType; queue?: QueueSettings }>;

export type JobName = keyof typeof JOB_DEFINITIONS;
export type JobPayload<N extends JobName> = z.input<(typeof JOB_DEFINITIONS)[N]["payload"]>;
export type ParsedJobPayload<N extends JobName> = z.output<(typeof JOB_DEFINITIONS)[N]["payload"]>;
export const JOB_NAMES = Object.keys(JOB_DEFINITIONS) as JobName[];

export function parseJobPayload<N extends JobName>(name: N, data: unknown): ParsedJobPayload<N> {
  return JOB_DEFINITIONS[name].payload.parse(data) as ParsedJobPayload<N>;
}
