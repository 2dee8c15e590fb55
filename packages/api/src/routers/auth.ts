import {
  acceptInvitation,
  acceptInvitationInput,
  getInvitation,
  invitationTokenInput,
  PERMISSIONS,
  type Permission,
  permissionsOf,
  requestPasswordReset,
  requestPasswordResetInput,
  resetPassword,
  resetPasswordInput,
  STAFF_ROLES,
  signIn,
  signInInput,
  signOut,
} from "@stockroom/domain";
import { z } from "zod";
import { publicProcedure, router } from "../trpc.ts";

const staffOutput = z.object({
  staffId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  producerId: z.string().nullable(),
  /** What the role may do; the admin SPA hides the rest (the server refuses it regardless). */
  permissions: z.array(z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]])),
});

export const authRouter = router({
  me: publicProcedure
    .output(staffOutput.nullable())
    .query(({ ctx }) => (ctx.actor.kind === "staff" ? { ...ctx.actor, permissions: permissionsOf(ctx.actor) } : null)),

  // Never batched with other calls (apps/server's trpc-http.ts refuses it): one request, one password check.
  signIn: publicProcedure
    .meta({ isSoloCall: true })
    .input(signInInput)
    .output(staffOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await signIn(ctx.deps, {
        ...input,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        sessionTtlHours: ctx.config.sessionTtlHours,
        replacesToken: ctx.session.token,
      });
      ctx.session.set(result.token, result.expiresAt);
      return { ...result.staff, permissions: permissionsOf(result.staff) };
    }),

  /** What an invitation link offers (who invited you, where, as what); NOT_FOUND when unknown, used, revoked or expired. */
  invitation: publicProcedure
    .input(invitationTokenInput)
    .output(
      z.object({
        email: z.string(),
        role: z.enum(STAFF_ROLES),
        producerName: z.string().nullable(),
        invitedByName: z.string(),
        invitedByEmail: z.string(),
        expiresAt: z.string(),
      }),
    )
    .query(({ ctx, input }) => getInvitation(ctx.deps, input)),

  /** Creates the invited account and signs it in (sets the session cookie, like signIn). */
  acceptInvitation: publicProcedure
    .meta({ isSoloCall: true })
    .input(acceptInvitationInput)
    .output(staffOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await acceptInvitation(ctx.deps, { ...input, sessionTtlHours: ctx.config.sessionTtlHours, replacesToken: ctx.session.token });
      ctx.session.set(result.token, result.expiresAt);
      return { ...result.staff, permissions: permissionsOf(result.staff) };
    }),

  signOut: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await signOut(ctx.deps, ctx.session.token, { ip: ctx.ip });
    ctx.session.clear();
    return { ok: true as const };
  }),

  // The same answer whether or not the email has an account. Solo: one request, one limiter slot.
  requestPasswordReset: publicProcedure
    .meta({ isSoloCall: true })
    .input(requestPasswordResetInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const { publicUrl, passwordResetTtlMinutes: ttlMinutes } = ctx.config;
      await requestPasswordReset(ctx.deps, { ...input, ip: ctx.ip, publicUrl, ttlMinutes });
      return { ok: true as const };
    }),

  // Ends every session of the person; the browser signs in afterwards with the new password.
  resetPassword: publicProcedure
    .meta({ isSoloCall: true })
    .input(resetPasswordInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.deps, { ...input, ip: ctx.ip });
      return { ok: true as const };
    }),
});
