import {
  deactivateStaff,
  invitationIdInput,
  inviteStaff,
  inviteStaffInput,
  listInvitations,
  listStaff,
  listStaffInput,
  reactivateStaff,
  revokeInvitation,
  STAFF_ROLES,
  setStaffRole,
  setStaffRoleInput,
  staffIdInput,
} from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

const role = z.enum(STAFF_ROLES);
const invitationOutput = z.object({
  id: z.string(),
  email: z.string(),
  role,
  producerId: z.string().nullable(),
  invitedByEmail: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
const inviteConfig = (config: { publicUrl: string; inviteTtlHours: number }) => ({ publicUrl: config.publicUrl, inviteTtlHours: config.inviteTtlHours });

export const staffRouter = router({
  list: staffProcedure("staff.manage")
    .input(listStaffInput)
    .output(
      z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          email: z.string(),
          role,
          producerId: z.string().nullable(),
          deactivatedAt: z.string().nullable(),
          isYou: z.boolean(),
        }),
      ),
    )
    .query(({ ctx, input }) => listStaff(ctx.deps, ctx.actor, input)),

  invite: staffProcedure("staff.manage")
    .input(inviteStaffInput)
    .output(z.object({ id: z.string(), email: z.string(), role, producerId: z.string().nullable(), expiresAt: z.string() }))
    .mutation(({ ctx, input }) => inviteStaff(ctx.deps, ctx.actor, input, inviteConfig(ctx.config))),

  invitations: staffProcedure("staff.manage")
    .input(listStaffInput)
    .output(z.array(invitationOutput))
    .query(({ ctx, input }) => listInvitations(ctx.deps, ctx.actor, input)),

  revokeInvitation: staffProcedure("staff.manage")
    .input(invitationIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.deps, ctx.actor, input)),

  setRole: staffProcedure("staff.manage")
    .input(setStaffRoleInput)
    .output(z.object({ id: z.string(), role }))
    .mutation(({ ctx, input }) => setStaffRole(ctx.deps, ctx.actor, input)),

  deactivate: staffProcedure("staff.manage")
    .input(staffIdInput)
    .output(z.object({ id: z.string(), endedSessions: z.number() }))
    .mutation(({ ctx, input }) => deactivateStaff(ctx.deps, ctx.actor, input)),

  reactivate: staffProcedure("staff.manage")
    .input(staffIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => reactivateStaff(ctx.deps, ctx.actor, input)),
});
