import { z } from "zod";
import { isoDay } from "./common.ts";
import type { Permission } from "./permissions.ts";

/**
 * What an API key may do: each scope grants a fixed set of permissions. A key never gets
 * staff.manage, integrations.manage, audit.view, alerts.manage or anything platform-wide.
 */
export const API_KEY_SCOPES = {
  read: ["catalog.view", "costs.view", "orders.view", "analytics.view"],
  "stock:write": ["stock.receive", "stock.adjust", "stock.adjust.anyReason", "stock.writeOff", "stock.transfer", "stock.count"],
  "orders:write": ["orders.fulfil", "orders.cancel", "orders.return"],
  "catalog:write": ["catalog.edit"],
} as const satisfies Record<string, readonly Permission[]>;

export type ApiKeyScope = keyof typeof API_KEY_SCOPES;
export const API_KEY_SCOPE_NAMES = Object.keys(API_KEY_SCOPES) as ApiKeyScope[];

export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  read: "Read products, stock, lots, movements and orders",
  "stock:write": "Receive, adjust, move, write off and count stock",
  "orders:write": "Confirm, dispatch, deliver, cancel and return orders",
  "catalog:write": "Create, edit and archive products",
};

/** The permissions a key with these scopes acts with (no duplicates). */
export function permissionsForScopes(scopes: readonly ApiKeyScope[]): Permission[] {
  return [...new Set(scopes.flatMap((scope) => API_KEY_SCOPES[scope] as readonly Permission[]))];
}

/** The most keys one producer may hold at once (live or not): a list that fits one page. */
export const MAX_API_KEYS_PER_PRODUCER = 50;

const uuid = z.string().uuid();
export const createApiKeyInput = z.object({
  producerId: uuid.optional(),
  name: z.string().trim().min(1, "Enter a name.").max(80, "Use at most 80 characters."),
  scopes: z
    .array(z.enum(API_KEY_SCOPE_NAMES as [ApiKeyScope, ...ApiKeyScope[]]))
    .min(1, "Choose at least one scope.")
    .max(API_KEY_SCOPE_NAMES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, "Name each scope once."),
  /** The last day the key works (UTC); absent: until revoked. */
  expiresOn: isoDay.nullish(),
});
export const listApiKeysInput = z.object({ producerId: uuid.optional() });
export const apiKeyIdInput = z.object({ apiKeyId: uuid });
