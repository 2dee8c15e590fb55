import { type Permission, ROLE_PERMISSIONS } from "@stockroom/contracts";
import type { StaffActor } from "./actor.ts";
import { DomainError } from "./errors.ts";

/**
 * Whether the actor's role grants `permission` (the matrix is ROLE_PERMISSIONS in @stockroom/contracts);
 * an API key's explicit list must grant it as well.
 */
export function can(actor: StaffActor, permission: Permission): boolean {
  return ROLE_PERMISSIONS[actor.role].includes(permission) && (actor.permissions?.includes(permission) ?? true);
}

export function permissionsOf(actor: StaffActor): Permission[] {
  return ROLE_PERMISSIONS[actor.role].filter((permission) => can(actor, permission));
}

export function requirePermission(actor: StaffActor, permission: Permission): void {
  if (!can(actor, permission)) throw new DomainError("FORBIDDEN", "Your role does not allow this.", { details: { permission } });
}

/**
 * Every answer field that carries a cost, a value at cost or a margin. An actor without
 * `costs.view` gets these as null in every answer (`withoutCosts`), whichever procedure returns them.
 */
export const COST_FIELDS: ReadonlySet<string> = new Set(["unitCostCents", "costCents", "valueCents", "stockValueCents", "marginCents", "marginRate"]);

/** A copy of `value` with every cost field set to null, at any depth. */
export function withoutCosts<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutCosts) as T;
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = COST_FIELDS.has(key) ? null : withoutCosts(field);
  return out as T;
}

/** The answer as this actor may see it. */
export function redactFor<T>(actor: StaffActor, value: T): T {
  return can(actor, "costs.view") ? value : withoutCosts(value);
}
