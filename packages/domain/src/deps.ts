import type { Db } from "@stockroom/db";
import type { JobQueue } from "@stockroom/jobs";
import type { FileStore } from "./images/file-store.ts";
import type { MetricCounters } from "./metrics/metric-counters.ts";
import type { HoldCoalescer } from "./stock/hold-coalescer-types.ts";
import type { WebhookSettings } from "./webhooks/webhook-settings.ts";

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Everything a domain function may touch, passed in so tests can supply a real DB and a set clock. */
export interface Deps {
  db: Db;
  jobs: JobQueue;
  clock: Clock;
  /** When present, holds without an idempotency key are combined into batches (group commit). */
  holdCoalescer?: HoldCoalescer;
  /** How long a checkout hold lasts (HOLD_TTL_SECONDS); 15 minutes when absent. Read through holdEndsAt. */
  holdTtlSeconds?: number;
  /** Units of one product a cart or order may hold when the product sets no maxPerCart (CART_MAX_PER_PRODUCT; 100). */
  cartMaxPerProduct?: number;
  /** Units of all products in one cart or order (CART_MAX_UNITS; 500). */
  cartMaxUnits?: number;
  /** A session unused this long is refused (SESSION_IDLE_MINUTES); 60 when absent. Read in session-idle.ts. */
  sessionIdleMinutes?: number;
  /** Where people open the app (PUBLIC_URL), for links in emails; http://localhost:3000 when absent. */
  publicUrl?: string;
  /** false: orders placed and moved with these deps mail nobody (the demo's simulated past). Default true. */
  isMailingCustomers?: boolean;
  /** Counts for the seed metrics that leave no row (refused reservations); nothing is counted when absent. */
  counters?: MetricCounters;
  /** Uploaded files (product images); a LocalFileStore under the data folder when absent. */
  files?: FileStore;
  /** Webhook URL checks and delivery (WEBHOOKS_*); DEFAULT_WEBHOOK_SETTINGS where absent. */
  webhooks?: Partial<WebhookSettings>;
}
