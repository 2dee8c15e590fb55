import {
  addOrderNote,
  addOrderNoteInput,
  collectionPointsInput,
  getCartOrder,
  getOrder,
  listCollectionPoints,
  listOrders,
  listOrdersInput,
  orderIdInput,
  placeOrder,
  placeOrderInput,
  requestOrderLookup,
  requestOrderLookupInput,
  returnOrder,
  returnOrderInput,
  setOrderStatus,
  setOrderStatusInput,
} from "@stockroom/domain";
import { z } from "zod";
import { cartProcedure, publicProcedure, router, staffProcedure } from "../trpc.ts";
import { orderListOutput, orderOutput, placedOrdersOutput, returnResultOutput, setStatusOutput } from "./outputs.ts";

export const ordersRouter = router({
  place: cartProcedure
    .input(placeOrderInput)
    .output(placedOrdersOutput)
    .mutation(({ ctx, input }) => placeOrder(ctx.deps, { ...input, cartId: ctx.cartId, channel: ctx.viaRest ? "API" : "STOREFRONT" })),

  /** Public: the collection points a checkout can offer for the producers in a cart. */
  collectionPoints: publicProcedure
    .input(collectionPointsInput)
    .output(z.array(z.object({ producerId: z.string(), producerName: z.string(), locations: z.array(z.object({ id: z.string(), name: z.string() })) })))
    .query(({ ctx, input }) => listCollectionPoints(ctx.deps, input)),

  /** The customer's view of an order placed with their cart token, or with the signed-in customer's email. */
  mine: cartProcedure
    .input(orderIdInput)
    .output(orderOutput)
    .query(({ ctx, input }) => getCartOrder(ctx.deps, { ...input, cartId: ctx.cartId, customerEmail: ctx.customer?.email })),

  /** A guest's "find my order": the same answer whether or not reference and email match; a link is emailed only when they do. */
  requestLookup: publicProcedure
    .meta({ isSoloCall: true })
    .input(requestOrderLookupInput)
    .output(z.object({ message: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await ctx.limitCustomerLinks?.(input.email);
      return requestOrderLookup(ctx.deps, { ...input, publicUrl: ctx.config.publicUrl, ttlMinutes: ctx.config.customerLinkTtlMinutes });
    }),

  list: staffProcedure("orders.view")
    .input(listOrdersInput)
    .output(orderListOutput)
    .query(({ ctx, input }) => listOrders(ctx.deps, ctx.actor, input)),

  get: staffProcedure("orders.view")
    .input(orderIdInput)
    .output(orderOutput)
    .query(({ ctx, input }) => getOrder(ctx.deps, ctx.actor, input)),

  setStatus: staffProcedure("orders.fulfil")
    .input(setOrderStatusInput)
    .output(setStatusOutput)
    .mutation(({ ctx, input }) => setOrderStatus(ctx.deps, ctx.actor, input, ctx.viaRest ? "API" : "ADMIN")),

  /** An internal note on the order's timeline (never shown to the customer). */
  addNote: staffProcedure("orders.fulfil")
    .input(addOrderNoteInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => addOrderNote(ctx.deps, ctx.actor, input, ctx.viaRest ? "API" : "ADMIN")),

  /** Takes back delivered units (restock or write off; write-offs also need stock.writeOff). */
  return: staffProcedure("orders.return")
    .input(returnOrderInput)
    .output(returnResultOutput)
    .mutation(({ ctx, input }) => returnOrder(ctx.deps, ctx.actor, input)),
});
