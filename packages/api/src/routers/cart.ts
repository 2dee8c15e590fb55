import { availabilityOf, releaseCartHolds, releaseCartInput, reserveCart, reserveCartInput } from "@stockroom/domain";
import { z } from "zod";
import { cartProcedure, publicProcedure, router } from "../trpc.ts";
import { reserveOutput } from "./outputs.ts";

export const cartRouter = router({
  /** Proceed to checkout / refresh: sets the cart's holds to these lines for the hold TTL. */
  reserve: cartProcedure
    .input(reserveCartInput)
    .output(reserveOutput)
    .mutation(({ ctx, input }) => reserveCart(ctx.deps, { ...input, cartId: ctx.cartId })),

  release: cartProcedure
    .input(releaseCartInput)
    .output(z.object({ released: z.number() }))
    .mutation(({ ctx, input }) => releaseCartHolds(ctx.deps, { ...input, cartId: ctx.cartId })),

  availability: publicProcedure
    .input(z.object({ productIds: z.array(z.string().uuid()).max(200) }))
    .output(z.array(z.object({ productId: z.string(), available: z.number().nullable() })))
    .query(async ({ ctx, input }) => {
      const available = await availabilityOf(ctx.deps, input.productIds);
      return [...available].map(([productId, units]) => ({ productId, available: units }));
    }),
});
