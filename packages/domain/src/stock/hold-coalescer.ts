import type { Pool, PoolClient } from "@stockroom/db";
import type { JobQueue } from "@stockroom/jobs";
import { sendLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Clock } from "../deps.ts";
import type { CoalescedOutcome, CoalescedRequest, HoldCoalescer } from "./hold-coalescer-types.ts";
import { fromSqlTimestamp, sqlTimestamp, utcDay } from "./sql-time.ts";

export type { CoalescedOutcome, CoalescedRequest, HoldCoalescer, HoldRejection, OverLimitLine, ShortLine } from "./hold-coalescer-types.ts";

interface Waiting {
  request: CoalescedRequest;
  resolve(outcome: CoalescedOutcome): void;
  reject(error: unknown): void;
}

interface Lane {
  /** Batches of this lane in flight. */
  running: number;
  queue: Waiting[];
}

/** Lanes and batches in flight per lane, unless configured (the server's HOLD_LANES / HOLD_DEPTH). */
export const HOLD_COALESCER_DEFAULTS = { lanes: 4, depth: 2 } as const;

export interface HoldCoalescerOptions {
  pool: Pool;
  jobs: JobQueue;
  clock: Clock;
  /** Independent lanes; requests whose first product hashes to the same lane share batches. */
  lanes?: number;
  /** Batches one lane may have in flight at once (2: the next batch works in Postgres while the
   * server answers the previous one's callers). */
  depth?: number;
  maxBatch?: number;
}

/**
 * Group commit for holds. A single hot row caps one-hold-per-transaction designs at its commit rate,
 * so requests for the same products are combined: while a lane's batches are in flight, the next
 * requests queue, and then run together as ONE transaction (one stock_reserve_carts call, one
 * commit). Each cart still gets its own all-or-nothing outcome. There is no artificial wait: an idle
 * lane runs a request at once; batches form only under load. Two batches of a lane that share a
 * product serialize on its row lock in Postgres (taken in id order by every path).
 */
export function createHoldCoalescer(options: HoldCoalescerOptions): HoldCoalescer {
  const laneCount = options.lanes ?? HOLD_COALESCER_DEFAULTS.lanes;
  const depth = options.depth ?? HOLD_COALESCER_DEFAULTS.depth;
  const maxBatch = options.maxBatch ?? 250;
  const lanes: Lane[] = Array.from({ length: laneCount }, () => ({ running: 0, queue: [] }));
  let requests = 0;
  let batches = 0;
  const idle: (() => void)[] = [];

  const laneFor = (request: CoalescedRequest): Lane => {
    const key = request.lines.map((l) => l.productId).sort()[0] ?? request.cartId;
    let hash = 0;
    for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
    return lanes[Math.abs(hash) % laneCount] as Lane;
  };
  const isIdle = () => lanes.every((lane) => lane.running === 0 && lane.queue.length === 0);

  const pump = (lane: Lane): void => {
    while (lane.running < depth && lane.queue.length > 0) {
      const batch = lane.queue.splice(0, maxBatch);
      lane.running++;
      batches++;
      const settle = (answer: (waiting: Waiting, index: number) => void) => {
        lane.running--;
        // Start the next batch before answering this one's callers, so the two overlap.
        pump(lane);
        for (const [index, waiting] of batch.entries()) answer(waiting, index);
        if (isIdle()) for (const resolve of idle.splice(0)) resolve();
      };
      runBatch(
        options,
        batch.map((w) => w.request),
      ).then(
        (outcomes) => settle((waiting, index) => waiting.resolve(outcomes[index] as CoalescedOutcome)),
        (error: unknown) => settle((waiting) => waiting.reject(error)),
      );
    }
  };

  return {
    reserve(request) {
      requests++;
      return new Promise<CoalescedOutcome>((resolve, reject) => {
        const lane = laneFor(request);
        lane.queue.push({ request, resolve, reject });
        pump(lane);
      });
    },
    stats: () => ({ requests, batches }),
    drained: () => (isIdle() ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
  };
}

async function runBatch(options: HoldCoalescerOptions, requests: CoalescedRequest[]): Promise<CoalescedOutcome[]> {
  const now = options.clock.now();
  const client: PoolClient = await options.pool.connect();
  try {
    await client.query("BEGIN");
    // One expiry job for the batch, due when its last hold is (the requests' expiresAt differ by the
    // milliseconds the batch took to form). Sent first, outside the product locks; it exists only if
    // the batch commits. Holds capped earlier by a lot's expiry day are ended by the sweep.
    const lastExpiry = new Date(Math.max(...requests.map((r) => r.expiresAt.getTime())));
    await options.jobs.send("hold.expire", { cartIds: [...new Set(requests.map((r) => r.cartId))] }, { client, startAfter: lastExpiry });
    const payload = requests.map((r) => ({ cart: r.cartId, lines: r.lines, expiresAt: sqlTimestamp(r.expiresAt), maxPerProduct: r.maxPerProduct }));
    const { rows } = await client.query<{ batch: { outcomes: CoalescedOutcome[]; lowCheck: string[] } }>(
      "SELECT stock_reserve_carts($1::jsonb, $2::timestamp, $3::date) AS batch",
      [JSON.stringify(payload), sqlTimestamp(now), utcDay(now)],
    );
    const batch = rows[0]?.batch;
    if (!batch || batch.outcomes.length !== requests.length) throw new Error("stock_reserve_carts returned no outcome for some requests");
    const { outcomes, lowCheck } = batch;
    await sendLowStockChecks(options.jobs, { client }, lowCheck);
    await client.query("COMMIT");
    return outcomes.map((o) => (o.ok ? { ...o, holds: withIsoExpiry(o.holds) } : o));
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      throw new AggregateError([error, rollbackError], "hold batch failed and could not roll back");
    });
    throw error;
  } finally {
    client.release();
  }
}

/** Holds as the SQL functions return them (expiresAt a SQL timestamp) with expiresAt in ISO form. */
export function withIsoExpiry<H extends { expiresAt: string }>(holds: H[]): H[] {
  return holds.map((h) => ({ ...h, expiresAt: fromSqlTimestamp(h.expiresAt) }));
}
