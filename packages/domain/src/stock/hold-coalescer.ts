import type { Pool, PoolClient } from "@stockroom/db";
import type { JobQueue } from "@stockroom/jobs";
import type { Clock } from "../deps.ts";
import { sqlTimestamp, utcDay } from "./sql-time.ts";

export interface CoalescedRequest {
  cartId: string;
  lines: { productId: string; quantity: number }[];
  expiresAt: Date;
}

type SqlHold = { holdId: string; productId: string; quantity: number; expiresAt: string };
export type CoalescedOutcome =
  | { ok: true; holds: SqlHold[]; lowCheck: string[] }
  | { ok: false; short: { productId: string; requested: number; available: number }[]; unknown: string[] };

interface Waiting {
  request: CoalescedRequest;
  resolve(outcome: CoalescedOutcome): void;
  reject(error: unknown): void;
}

interface Lane {
  isRunning: boolean;
  queue: Waiting[];
}

export interface HoldCoalescer {
  reserve(request: CoalescedRequest): Promise<CoalescedOutcome>;
  /** Requests run in batches so far, and batches run: for tests and metrics. */
  stats(): { requests: number; batches: number };
}

export interface HoldCoalescerOptions {
  pool: Pool;
  jobs: JobQueue;
  clock: Clock;
  /** Independent lanes; requests whose first product hashes to the same lane share batches. */
  lanes?: number;
  maxBatch?: number;
}

/**
 * Group commit for holds. A single hot row caps one-hold-per-transaction designs at its commit rate,
 * so requests for the same products are combined: while one batch is in flight, the next requests
 * queue, and then run together as ONE transaction (one stock_reserve_carts call, one commit). Each
 * cart still gets its own all-or-nothing outcome (a subtransaction per cart in SQL). There is no
 * artificial wait: an idle lane runs a request at once; batches form only under load.
 */
export function createHoldCoalescer(options: HoldCoalescerOptions): HoldCoalescer {
  const laneCount = options.lanes ?? 32;
  const maxBatch = options.maxBatch ?? 200;
  const lanes: Lane[] = Array.from({ length: laneCount }, () => ({ isRunning: false, queue: [] }));
  let requests = 0;
  let batches = 0;

  const laneFor = (request: CoalescedRequest): Lane => {
    const key = request.lines.map((l) => l.productId).sort()[0] ?? request.cartId;
    let hash = 0;
    for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
    return lanes[Math.abs(hash) % laneCount] as Lane;
  };

  const drain = async (lane: Lane): Promise<void> => {
    lane.isRunning = true;
    while (lane.queue.length > 0) {
      const batch = lane.queue.splice(0, maxBatch);
      batches++;
      try {
        const outcomes = await runBatch(
          options,
          batch.map((w) => w.request),
        );
        for (const [i, w] of batch.entries()) w.resolve(outcomes[i] as CoalescedOutcome);
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    lane.isRunning = false;
  };

  return {
    reserve(request) {
      requests++;
      return new Promise<CoalescedOutcome>((resolve, reject) => {
        const lane = laneFor(request);
        lane.queue.push({ request, resolve, reject });
        if (!lane.isRunning) void drain(lane);
      });
    },
    stats: () => ({ requests, batches }),
  };
}

async function runBatch(options: HoldCoalescerOptions, requests: CoalescedRequest[]): Promise<CoalescedOutcome[]> {
  const now = options.clock.now();
  const client: PoolClient = await options.pool.connect();
  try {
    await client.query("BEGIN");
    // Expiry jobs first, outside the product locks; they exist only if the batch commits.
    await options.jobs.sendMany(
      "hold.expire",
      requests.map((r) => ({ payload: { cartId: r.cartId }, startAfter: r.expiresAt })),
      { client },
    );
    const payload = requests.map((r) => ({ cart: r.cartId, lines: r.lines, expiresAt: sqlTimestamp(r.expiresAt) }));
    const { rows } = await client.query<{ outcomes: CoalescedOutcome[] }>("SELECT stock_reserve_carts($1::jsonb, $2::timestamp, $3::date) AS outcomes", [
      JSON.stringify(payload),
      sqlTimestamp(now),
      utcDay(now),
    ]);
    const outcomes = rows[0]?.outcomes ?? [];
    const lowCheck = [...new Set(outcomes.flatMap((o) => (o.ok ? o.lowCheck : [])))].sort();
    for (const productId of lowCheck) await options.jobs.send("stock.check-low", { productId }, { client, singletonKey: productId });
    await client.query("COMMIT");
    return outcomes.map((o) => (o.ok ? { ...o, holds: o.holds.map((h) => ({ ...h, expiresAt: new Date(`${h.expiresAt}Z`).toISOString() })) } : o));
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      throw new AggregateError([error, rollbackError], "hold batch failed and could not roll back");
    });
    throw error;
  } finally {
    client.release();
  }
}
