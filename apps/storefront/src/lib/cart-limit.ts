import { MAX_QUANTITY } from "./cart-store.ts";

/** What limits one product's line: units available now (null = untracked) and the most per order. */
export interface LineLimit {
  available?: number | null;
  maxPerOrder?: number;
}

export interface LineCap {
  max: number;
  /** Which limit binds: stock ("available") or the product's limit per order ("perOrder"). */
  reason: "available" | "perOrder" | "line";
}

/** The most units of a product a cart line may hold now. */
export function lineCap({ available, maxPerOrder }: LineLimit): LineCap {
  const perOrder = Math.min(maxPerOrder ?? MAX_QUANTITY, MAX_QUANTITY);
  if (typeof available === "number" && Math.max(0, available) <= perOrder) return { max: Math.max(0, available), reason: "available" };
  return { max: perOrder, reason: perOrder < MAX_QUANTITY ? "perOrder" : "line" };
}

/** The sentence shown when a line is at its cap. */
export function capMessage(cap: LineCap): string {
  if (cap.reason === "available") return cap.max <= 0 ? "Sold out: none available right now." : `Only ${cap.max} available — your cart has all of them.`;
  return `At most ${cap.max} per order.`;
}
