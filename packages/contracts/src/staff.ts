import { z } from "zod";
import { checkDateRange, isoDay } from "./common.ts";
import { STAFF_ROLES } from "./permissions.ts";

const email = z.string().trim().toLowerCase().email("Enter a valid email address.").max(200);
const uuid = z.string().uuid();
export const MIN_PASSWORD_LENGTH = 12;

/** A producer admin invites to their producer; a platform admin names one (or none, for a platform admin). */
export const inviteStaffInput = z.object({ producerId: uuid.optional(), email, role: z.enum(STAFF_ROLES) });
export const listStaffInput = z.object({ producerId: uuid.optional() });
export const staffIdInput = z.object({ staffId: uuid });
export const setStaffRoleInput = z.object({ staffId: uuid, role: z.enum(STAFF_ROLES) });
export const invitationIdInput = z.object({ invitationId: uuid });

export const invitationTokenInput = z.object({ token: z.string().min(1, "The link has no token.").max(200) });
export const acceptInvitationInput = invitationTokenInput.extend({
  name: z.string().trim().min(1, "Enter your name.").max(200),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(200, "Use at most 200 characters."),
});

export const createProducerInput = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(200),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/, "Use lowercase letters, digits and dashes (at most 50)."),
  adminEmail: email,
});
export const producerIdInput = z.object({ producerId: uuid });

/** Audit actions. Closed so the log can be filtered by them and a typo cannot invent one. */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.password_reset_requested",
  "auth.password_reset",
  "auth.password_changed",
  "auth.session_revoked",
  "staff.invited",
  "staff.invitation_revoked",
  "staff.invitation_accepted",
  "staff.role_changed",
  "staff.deactivated",
  "staff.reactivated",
  "producer.created",
  "producer.suspended",
  "producer.reactivated",
  "alerts.settings_changed",
  "location.collection_point_changed",
  "integrations.key_created",
  "integrations.key_revoked",
  "webhooks.endpoint_created",
  "webhooks.endpoint_updated",
  "webhooks.endpoint_enabled",
  "webhooks.endpoint_disabled",
  "webhooks.endpoint_deleted",
  "webhooks.secret_rotated",
  "webhooks.secret_revealed",
  "webhooks.delivery_resent",
  "webhooks.test_sent",
  "system.inventory_check_requested",
  "supplier.created",
  "supplier.updated",
  "supplier.product_changed",
  "purchase_order.drafted",
  "purchase_order.line_changed",
  "purchase_order.approved",
  "purchase_order.rejected",
  "purchase_order.cancelled",
  "purchase_order.received",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The audit log's filters (also the admin page's URL search params). */
export const listAuditShape = {
  producerId: uuid.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorEmail: z.string().trim().max(200).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, "Not a page cursor.")
    .optional(),
  limit: z.number().int().min(1).max(200).default(50),
};
export const listAuditInput = z.object(listAuditShape).superRefine((input, ctx) => {
  if (input.from && input.to) checkDateRange({ from: input.from, to: input.to }, ctx);
});
