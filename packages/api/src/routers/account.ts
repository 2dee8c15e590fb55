import { changePassword, changePasswordInput, listOwnSessions, revokeOtherSessions, revokeOwnSession, revokeSessionInput } from "@stockroom/domain";
import { z } from "zod";
import { accountProcedure, router } from "../trpc.ts";

const sessionOutput = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  isCurrent: z.boolean(),
});

/** The signed-in person's own account: any role, only themselves. */
export const accountRouter = router({
  // Checks a password: never batched (like auth.signIn).
  changePassword: accountProcedure
    .meta({ isSoloCall: true })
    .input(changePasswordInput)
    .output(z.object({ sessionsEnded: z.number().int() }))
    .mutation(({ ctx, input }) => changePassword(ctx.deps, ctx.actor, { ...input, ip: ctx.ip, currentToken: ctx.session.token })),

  sessions: accountProcedure.output(z.array(sessionOutput)).query(({ ctx }) => listOwnSessions(ctx.deps, ctx.actor, { currentToken: ctx.session.token })),

  revokeSession: accountProcedure
    .input(revokeSessionInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await revokeOwnSession(ctx.deps, ctx.actor, { ...input, ip: ctx.ip, currentToken: ctx.session.token });
      return { ok: true as const };
    }),

  revokeOtherSessions: accountProcedure
    .output(z.object({ count: z.number().int() }))
    .mutation(({ ctx }) => revokeOtherSessions(ctx.deps, ctx.actor, { ip: ctx.ip, currentToken: ctx.session.token })),
});
