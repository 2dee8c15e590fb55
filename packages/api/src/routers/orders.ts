import {
  getCartOrder,
  getOrder,
  listOrders,
  listOrdersInput,
  orderIdInput,
  placeOrder,
  placeOrderInput,
  returnOrder,
  returnOrderInput,
  setOrderStatus,
  setOrderStatusInput,
} from "@stockroom/domain";
import { z } from "zod";
import { cartProcedure, router, staffProcedure } from "../trpc.ts";
import { orderOutput, placedOrdersOutput, returnResultOutput, setStatusOutput } from "./outputs.ts";

export const ordersRouter = router({
  place: cartProcedure
    .input(placeOrderInput)
    .output(placedOrdersOutput)
    .mutation(({ ctx, input }) => placeOrder(ctx.deps, { ...input, cartId: ctx.cartId })),

  /** The customer's view of an order placed with their cart token. */
  mine: cartProcedure
    .input(orderIdInput)
    .output(orderOutput)
    .query(({ ctx, input }) => getCartOrder(ctx.deps, { ...input, cartId: ctx.cartId })),

  list: staffProcedure("orders.view")
    .input(listOrdersInput)
    .output(z.array(orderOutput))
    .query(({ ctx, input }) => listOrders(ctx.deps, ctx.actor, input)),

  get: staffProcedure("orders.view")
    .input(orderIdInput)
    .output(orderOutput)
    .query(({ ctx, input }) => getOrder(ctx.deps, ctx.actor, input)),

  setStatus: staffProcedure("orders.fulfil")
    .input(setOrderStatusInput)
    .output(setStatusOutput)
    .mutation(({ ctx, input }) => setOrderStatus(ctx.deps, ctx.actor, input)),

  /** Takes back delivered units (restock or write off; write-offs also need stock.writeOff). */
  return: staffProcedure("orders.return")
    .input(returnOrderInput)
    .output(returnResultOutput)
    .mutation(({ ctx, input }) => returnOrder(ctx.deps, ctx.actor, input)),
});
