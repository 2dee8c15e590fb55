import { signIn, signInInput, signOut } from "@stockroom/domain";
import { z } from "zod";
import { publicProcedure, router } from "../trpc.ts";

const staffOutput = z.object({
  staffId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["PLATFORM_ADMIN", "PRODUCER_ADMIN", "PRODUCER_STAFF"]),
  producerId: z.string().nullable(),
});

export const authRouter = router({
  me: publicProcedure.output(staffOutput.nullable()).query(({ ctx }) => (ctx.actor.kind === "staff" ? ctx.actor : null)),

  // Never batched with other calls (apps/server's trpc-http.ts refuses it): one request, one password check.
  signIn: publicProcedure
    .meta({ isSoloCall: true })
    .input(signInInput)
    .output(staffOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await signIn(ctx.deps, { ...input, ip: ctx.ip, sessionTtlHours: ctx.config.sessionTtlHours, replacesToken: ctx.session.token });
      ctx.session.set(result.token, result.expiresAt);
      return result.staff;
    }),

  signOut: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await signOut(ctx.deps, ctx.session.token);
    ctx.session.clear();
    return { ok: true as const };
  }),
});
