import { reserveCartInput } from "@stockroom/contracts";
import type { Tx } from "@stockroom/db";
import type { z } from "zod";
import { sendLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { COUNTERS } from "../metrics/metric-counters.ts";
import { parseInput } from "../validation.ts";
import { archivedError, cartMaxPerProduct, checkCartUnits, overLimitError } from "./cart-limits.ts";
import { type CoalescedOutcome, type HoldRejection, withIsoExpiry } from "./hold-coalescer.ts";
import { onceForKey } from "./idempotency.ts";
import { sqlTimestamp, utcDay } from "./sql-time.ts";
import { stockTransaction } from "./transaction-options.ts";

export const DEFAULT_HOLD_TTL_SECONDS = 15 * 60;

/** The rule for when a hold asked for now ends (before its lots' expiry caps it, in SQL: stock_hold_end). */
export function holdEndsAt(deps: Pick<Deps, "holdTtlSeconds">, now: Date, ttlSeconds = deps.holdTtlSeconds ?? DEFAULT_HOLD_TTL_SECONDS): Date {
  return new Date(now.getTime() + ttlSeconds * 1000);
}

export interface ReserveCartResult {
  /** When the first of the cart's holds lapses (the checkout countdown). */
  expiresAt: string;
  holds: { holdId: string; productId: string; quantity: number; expiresAt: string }[];
}

/** stock_reserve_cart's outcome: the coalesced one, plus which products need a low-stock check. */
type ReserveOutcome = (Extract<CoalescedOutcome, { ok: true }> & { lowCheck: string[] }) | HoldRejection;

class ReserveRejected extends Error {
  constructor(readonly outcome: HoldRejection) {
    super("reserve rejected");
  }
}

/**
 * Sets the cart's holds to `lines`, all or nothing, expiring ttl from now. The stock work is one
 * database function (stock_reserve_cart): no application code runs while a product is locked. The
 * expiry job is enqueued in the same transaction, so it exists if and only if the holds do.
 */
/** `ttlSeconds` overrides the configured hold TTL (tests and the bench). */
export async function reserveCart(deps: Deps, input: z.input<typeof reserveCartInput> & { cartId: string; ttlSeconds?: number }): Promise<ReserveCartResult> {
  const { lines, idempotencyKey } = parseInput(reserveCartInput, input);
  checkCartUnits(deps, lines);
  const maxPerProduct = cartMaxPerProduct(deps);
  const now = deps.clock.now();
  const expiresAt = holdEndsAt(deps, now, input.ttlSeconds);
  if (deps.holdCoalescer && !idempotencyKey) {
    const coalescer = deps.holdCoalescer;
    return countReservation(deps, () =>
      withReserveErrors(lines, async () => {
        const outcome = await coalescer.reserve({ cartId: input.cartId, lines, expiresAt, maxPerProduct });
        if (!outcome.ok) throw new ReserveRejected(outcome);
        return { expiresAt: firstExpiry(outcome.holds, expiresAt), holds: outcome.holds };
      }),
    );
  }
  return countReservation(deps, () =>
    withReserveErrors(lines, () =>
      stockTransaction(deps, (tx) =>
        onceForKey(tx, { action: "cart.reserve", tenant: input.cartId }, idempotencyKey, lines, async () => {
          // Enqueued before the stock function so no job insert runs while the products are locked;
          // the job ends whatever of this cart is due at expiresAt (earlier lot-capped ends: the sweep).
          await deps.jobs.send("hold.expire", { cartIds: [input.cartId] }, { tx, startAfter: expiresAt });
          const { holds, lowCheck } = await holdCartInTransaction(tx, input.cartId, lines, now, expiresAt, maxPerProduct);
          await sendLowStockChecks(deps.jobs, { tx }, lowCheck);
          return { expiresAt: firstExpiry(holds, expiresAt), holds };
        }),
      ),
    ),
  );
}

/**
 * reservationSuccessRate's counts: a request that got its holds, or one refused for short stock
 * (not one refused as invalid or over a limit: those never reached the stock).
 */
async function countReservation<T>(deps: Deps, run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    deps.counters?.add(COUNTERS.reservationSucceeded);
    return result;
  } catch (error) {
    if (error instanceof DomainError && error.code === "CONFLICT" && (error.details as { shortLines?: unknown } | undefined)?.shortLines) {
      deps.counters?.add(COUNTERS.reservationRefused);
    }
    throw error;
  }
}

/**
 * The hold step alone, inside a caller's transaction (placing an order re-holds the cart first).
 * `maxPerProduct` is the limit for products without their own maxPerCart (cartMaxPerProduct).
 */
export async function holdCartInTransaction(
  tx: Tx,
  cartId: string,
  lines: { productId: string; quantity: number }[],
  now: Date,
  expiresAt: Date,
  maxPerProduct: number,
) {
  const [row] = await tx.$queryRaw<{ outcome: ReserveOutcome }[]>`
    SELECT stock_reserve_cart(${cartId}, ${JSON.stringify(lines)}::jsonb, ${sqlTimestamp(now)}::timestamp,
                              ${utcDay(now)}::date, ${sqlTimestamp(expiresAt)}::timestamp, ${maxPerProduct}::int) AS outcome`;
  const outcome = row?.outcome;
  if (!outcome) throw new Error("stock_reserve_cart returned nothing");
  if (!outcome.ok) throw new ReserveRejected(outcome);
  return { holds: withIsoExpiry(outcome.holds), lowCheck: outcome.lowCheck };
}

/** Lines above their limit become VALIDATION_FAILED naming each line's field; short stock and unknown products CONFLICT / NOT_FOUND. */
export async function withReserveErrors<T>(lines: { productId: string }[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ReserveRejected)) throw error;
    const { short, unknown, overLimit, archived } = error.outcome;
    if (archived?.length) throw archivedError(lines, archived);
    if (overLimit?.length) throw overLimitError(lines, overLimit);
    if (unknown.length > 0) throw new DomainError("NOT_FOUND", "Product not found.", { details: { unknownProductIds: unknown } });
    const summary = short.map((s) => `requested ${s.requested}, available ${s.available}`).join("; ");
    throw new DomainError("CONFLICT", `Not enough stock for ${short.length === 1 ? "one line" : `${short.length} lines`}: ${summary}.`, {
      details: { shortLines: short },
      cause: error,
    });
  }
}

/** When the first of the cart's holds lapses (a hold on a lot expiring tomorrow ends at midnight). */
function firstExpiry(holds: { expiresAt: string }[], requested: Date): string {
  // ISO timestamps sort in time order.
  return [requested.toISOString(), ...holds.map((h) => h.expiresAt)].sort()[0] as string;
}
