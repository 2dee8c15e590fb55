import {
  completeCustomerSignIn,
  completeCustomerSignInInput,
  customerOrdersInput,
  customerSignOut,
  listCustomerOrders,
  requestCustomerSignIn,
  requestCustomerSignInInput,
} from "@stockroom/domain";
import { z } from "zod";
import { customerProcedure, publicProcedure, router } from "../trpc.ts";
import { orderStatus } from "./outputs.ts";

const customerOutput = z.object({ email: z.string() });

/** Customer accounts by emailed link: no password; the account is the email orders were placed with. */
export const customerRouter = router({
  /** The signed-in customer, or null. */
  me: publicProcedure.output(customerOutput.nullable()).query(({ ctx }) => (ctx.customer ? { email: ctx.customer.email } : null)),

  // The same answer for any email. Solo: one request, one count against the limits.
  requestSignIn: publicProcedure
    .meta({ isSoloCall: true })
    .input(requestCustomerSignInInput)
    .output(z.object({ message: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await ctx.limitCustomerLinks?.(input.email);
      return requestCustomerSignIn(ctx.deps, { ...input, publicUrl: ctx.config.publicUrl, ttlMinutes: ctx.config.customerLinkTtlMinutes });
    }),

  /** Consumes an emailed link (sign-in or order lookup) once and sets the customer cookie. */
  completeSignIn: publicProcedure
    .meta({ isSoloCall: true })
    .input(completeCustomerSignInInput)
    .output(z.object({ email: z.string(), orderId: z.string().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const result = await completeCustomerSignIn(ctx.deps, { ...input, sessionTtlDays: ctx.config.customerSessionTtlDays });
      ctx.customerSession.set(result.token, result.expiresAt);
      return { email: result.email, orderId: result.orderId };
    }),

  signOut: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await customerSignOut(ctx.deps, ctx.customerSession.token);
    ctx.customerSession.clear();
    return { ok: true as const };
  }),

  /** Every order placed with the signed-in email, newest first. */
  orders: customerProcedure
    .input(customerOrdersInput)
    .output(
      z.object({
        page: z.number(),
        hasMore: z.boolean(),
        orders: z.array(
          z.object({
            id: z.string(),
            reference: z.string(),
            status: orderStatus,
            createdAt: z.string(),
            fulfilment: z.enum(["DELIVERY", "COLLECTION"]).nullable(),
            producerName: z.string(),
            itemCount: z.number(),
            totalCents: z.number(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => listCustomerOrders(ctx.deps, ctx.customer, input)),
});
