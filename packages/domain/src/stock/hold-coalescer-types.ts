/**
 * The hold coalescer's contract, apart from its implementation: `Deps` names it, and the
 * implementation imports `Deps`' clock and the low-stock checks, which import `Deps` (no cycle).
 */
export interface CoalescedRequest {
  cartId: string;
  lines: { productId: string; quantity: number }[];
  expiresAt: Date;
  /** The per-product limit for products without their own maxPerCart. */
  maxPerProduct: number;
}

export type CoalescedHold = { holdId: string; productId: string; quantity: number; expiresAt: string };
/** A line the stock cannot cover: what was asked for and what is available now. */
export interface ShortLine {
  productId: string;
  requested: number;
  available: number;
}
/** A line above its product's limit per cart. */
export interface OverLimitLine {
  productId: string;
  requested: number;
  max: number;
}
/** A cart that cannot be held whole: its short lines, unknown products, lines above their limit and archived products. */
export type HoldRejection = { ok: false; short: ShortLine[]; unknown: string[]; overLimit?: OverLimitLine[]; archived?: string[] };
/** One cart's outcome, as the hold functions in SQL return it (the coalescer turns expiresAt into ISO). */
export type CoalescedOutcome = { ok: true; holds: CoalescedHold[] } | HoldRejection;

export interface HoldCoalescer {
  reserve(request: CoalescedRequest): Promise<CoalescedOutcome>;
  /** Requests run in batches so far, and batches run: for tests and metrics. */
  stats(): { requests: number; batches: number };
  /** Waits for every queued and in-flight batch (graceful shutdown: call before closing the pool). */
  drained(): Promise<void>;
}
