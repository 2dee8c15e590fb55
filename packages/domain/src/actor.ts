import type { Permission } from "@stockroom/contracts";
import type { StaffRole } from "@stockroom/db";
import { DomainError } from "./errors.ts";

/**
 * Who is asking. Resolved from the session cookie (a person) or an API key (`Authorization: Bearer`
 * on /api/v1) by the transport, checked by procedures. A key is a staff actor of its producer whose
 * `permissions` (from its scopes) replace the role's, and whose `apiKeyId` says which key it is; its
 * `staffId` is the key's id and `name`/`email` read "API key <name> (<prefix>)", so audit entries,
 * movements and order events name the key.
 */
export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "staff";
      staffId: string;
      email: string;
      name: string;
      role: StaffRole;
      producerId: string | null;
      /** Set for an API key: what it may do, in place of the role's permissions. */
      permissions?: readonly Permission[];
      /** Set for an API key: its id. */
      apiKeyId?: string;
    };

export type StaffActor = Extract<Actor, { kind: "staff" }>;

export const ANONYMOUS: Actor = { kind: "anonymous" };

export function isPlatformAdmin(actor: StaffActor): boolean {
  return actor.role === "PLATFORM_ADMIN";
}

/**
 * The producer a staff member acts for. Platform admins pick one per request (`producerId`);
 * producer staff always act for their own, and naming another one is indistinguishable from a
 * producer that does not exist.
 */
export function scopeProducerId(actor: StaffActor, requested?: string): string | undefined {
  if (isPlatformAdmin(actor)) return requested;
  if (!actor.producerId) throw new DomainError("FORBIDDEN", "Your account is not attached to a producer.");
  if (requested && requested !== actor.producerId) throw new DomainError("NOT_FOUND", "Producer not found.");
  return actor.producerId;
}
