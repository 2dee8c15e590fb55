import { errorMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { type CartHold, type CartLine, cartStore, isHoldLive } from "./cart-store.ts";
import { lineErrors, type ShortLine, shortLines } from "./short-lines.ts";
import { useAppContext } from "./use-app-context.ts";

export interface HoldProblem {
  message: string;
  /** Lines refused for short stock, with what is available now (empty for other failures). */
  short: ShortLine[];
  /** A reason per product for lines refused on their own (a limit per order), from the server's fields. */
  lineErrors: Record<string, string>;
}

export function toOrderLines(lines: CartLine[]) {
  return lines.map(({ productId, quantity }) => ({ productId, quantity }));
}

/** The hold without one product (its own hold released); the countdown follows the first hold left to lapse. */
function withoutProduct(hold: CartHold, productId: string): CartHold | null {
  const holds = hold.holds.filter((h) => h.productId !== productId);
  if (holds.length === 0) return null;
  const expiresAt = holds.reduce((first, h) => (Date.parse(h.expiresAt) < Date.parse(first) ? h.expiresAt : first), holds[0]?.expiresAt ?? hold.expiresAt);
  return { ...hold, holds, expiresAt };
}

/**
 * The cart's stock holds (cart.reserve / cart.release). While a hold is live every change goes
 * through the server: a new quantity re-holds all lines (and refreshes the hold), a removed line's
 * hold is released. Without a live hold, changes stay in the browser until checkout.
 */
export function useCartHold() {
  const { queryClient, trpc } = useAppContext();
  const reserve = useMutation(trpc.cart.reserve.mutationOptions());
  const release = useMutation(trpc.cart.release.mutationOptions());
  const [problem, setProblem] = useState<HoldProblem | null>(null);

  const stockChanged = () => {
    void queryClient.invalidateQueries(trpc.cart.availability.pathFilter());
    void queryClient.invalidateQueries(trpc.catalog.list.pathFilter());
  };

  /** Holds exactly `lines` (all or nothing). On success the cart becomes those lines; on failure nothing changes and `problem` says why. */
  const holdLines = async (lines: CartLine[]): Promise<boolean> => {
    try {
      const result = await reserve.mutateAsync({ lines: toOrderLines(lines) });
      cartStore.set((cart) => ({ ...cart, lines, hold: { ...result, heldAt: Date.now() } }));
      setProblem(null);
      return true;
    } catch (error) {
      setProblem({ message: errorMessage(error), short: shortLines(error) ?? [], lineErrors: lineErrors(error, lines) });
      return false;
    } finally {
      stockChanged();
    }
  };

  const forgetShortLine = (productId: string) =>
    setProblem((current) => {
      if (!current) return current;
      const { [productId]: _forgotten, ...otherLineErrors } = current.lineErrors;
      return { ...current, short: current.short.filter((s) => s.productId !== productId), lineErrors: otherLineErrors };
    });

  return {
    problem,
    isPending: reserve.isPending || release.isPending,

    /** Proceed to checkout, "Keep my items", "Hold again": hold every line for a fresh TTL. */
    holdCart: () => holdLines(cartStore.get().lines),

    /** Holds again only if the hold is live and was placed at least `afterMs` ago (refresh on activity, throttled). */
    refreshIfOlderThan: (afterMs: number) => {
      const { hold } = cartStore.get();
      if (reserve.isPending || release.isPending || !isHoldLive(hold) || Date.now() - hold.heldAt < afterMs) return;
      void holdLines(cartStore.get().lines);
    },

    setQuantity: async (productId: string, quantity: number): Promise<boolean> => {
      const cart = cartStore.get();
      const lines = cart.lines.map((line) => (line.productId === productId ? { ...line, quantity } : line));
      if (isHoldLive(cart.hold)) return holdLines(lines);
      cartStore.set((current) => ({ ...current, lines }));
      forgetShortLine(productId);
      return true;
    },

    removeLine: async (productId: string): Promise<boolean> => {
      const cart = cartStore.get();
      const held = isHoldLive(cart.hold) ? cart.hold.holds.find((h) => h.productId === productId) : undefined;
      let hold = cart.hold;
      if (held && cart.hold) {
        try {
          await release.mutateAsync({ holdId: held.holdId });
        } catch (error) {
          setProblem({ message: errorMessage(error), short: [], lineErrors: {} });
          return false;
        }
        hold = withoutProduct(cart.hold, productId);
        stockChanged();
      }
      cartStore.set((current) => ({ ...current, lines: current.lines.filter((line) => line.productId !== productId), hold }));
      forgetShortLine(productId);
      return true;
    },
  };
}
