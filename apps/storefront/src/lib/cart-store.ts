import { MAX_LINE_QUANTITY } from "@stockroom/contracts";
import { z } from "zod";
import { createLocalStore, useLocalStore } from "./local-store.ts";
import { newCartToken } from "./random-token.ts";

const lineSchema = z.object({
  productId: z.string(),
  name: z.string(),
  producerName: z.string(),
  /** The price shown when the line was added; the order uses the server's price at placement. */
  priceCents: z.number(),
  /** The product's small picture when it was added (lines saved before pictures existed have none). */
  thumbUrl: z.string().nullable().optional(),
  /** The most units one order may hold when the line was added (lines saved before this have none). */
  maxPerOrder: z.number().int().min(1).optional(),
  quantity: z.number().int().min(1),
});

const holdSchema = z.object({
  /** The server's expiresAt for the first hold to lapse: the countdown's target. */
  expiresAt: z.string(),
  holds: z.array(z.object({ holdId: z.string(), productId: z.string(), quantity: z.number(), expiresAt: z.string() })),
  /** Client time of the last successful hold (throttles refresh on activity). */
  heldAt: z.number(),
});

const cartSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,128}$/),
  lines: z.array(lineSchema),
  hold: holdSchema.nullable(),
  /** The idempotency key of the last order attempt and the request it was for (a retry of the same request reuses it). */
  placeAttempt: z.object({ key: z.string(), request: z.string() }).nullable(),
});

export type CartLine = z.infer<typeof lineSchema>;
export type CartHold = z.infer<typeof holdSchema>;
export type Cart = z.infer<typeof cartSchema>;

function emptyCart(): Cart {
  return { token: newCartToken(), lines: [], hold: null, placeAttempt: null };
}

/** The guest cart: lines, the random cart token (x-cart-token) and the current hold, in localStorage. */
export const cartStore = createLocalStore("stockroom.cart", cartSchema, emptyCart);

export function useCart(): Cart {
  return useLocalStore(cartStore);
}

/** The most of one product a cart line may hold: the server's own limit. */
export const MAX_QUANTITY = MAX_LINE_QUANTITY;

/**
 * Adds `quantity` units (default 1), never past `max` (what is available, the limit per order).
 * Returns how many units the line holds afterwards and how many were actually added.
 */
export function addToCart(item: Omit<CartLine, "quantity">, { quantity = 1, max = MAX_QUANTITY } = {}): { quantity: number; added: number } {
  const cap = Math.min(max, MAX_QUANTITY);
  const before = cartStore.get().lines.find((line) => line.productId === item.productId)?.quantity ?? 0;
  const after = Math.max(before, Math.min(cap, before + quantity));
  if (after === before) return { quantity: before, added: 0 };
  cartStore.set((cart) => {
    const existing = cart.lines.find((line) => line.productId === item.productId);
    const lines = existing
      ? cart.lines.map((line) => (line === existing ? { ...line, ...item, quantity: after } : line))
      : [...cart.lines, { ...item, quantity: after }];
    return { ...cart, lines };
  });
  return { quantity: after, added: after - before };
}

export function setPlaceAttempt(placeAttempt: Cart["placeAttempt"]): void {
  cartStore.set((cart) => ({ ...cart, placeAttempt }));
}

/** After an order: a new, empty cart with a new token (the old token stays with the orders it placed). */
export function startNewCart(): void {
  cartStore.set(() => emptyCart());
}

export function isHoldLive(hold: CartHold | null, now = Date.now()): hold is CartHold {
  return hold !== null && Date.parse(hold.expiresAt) > now;
}

/** Lines the hold does not cover as they are now (added or changed since it was placed). */
export function linesNotHeld(hold: CartHold, lines: CartLine[]): CartLine[] {
  return lines.filter((line) => !hold.holds.some((h) => h.productId === line.productId && h.quantity === line.quantity));
}

export function cartCount(cart: Cart): number {
  return cart.lines.reduce((sum, line) => sum + line.quantity, 0);
}

export function cartTotalCents(lines: CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity * line.priceCents, 0);
}
