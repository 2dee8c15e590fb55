import { type ApiKeyScope, permissionsForScopes } from "@stockroom/contracts";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { apiKeyHash, apiKeyLabel } from "./api-key-secret.ts";

/** lastUsedAt is written at most this often per key (a busy integration writes once a minute). */
const LAST_USED_EVERY_MS = 60_000;

const refused = () => new DomainError("UNAUTHENTICATED", "Send a valid API key: Authorization: Bearer <key>.");

/**
 * The actor behind an API key: a staff actor of the key's producer with the key's permissions only.
 * Unknown, revoked or expired keys, and keys of a suspended producer, are UNAUTHENTICATED (one
 * answer for all, so a caller learns nothing about which keys exist).
 */
export async function authenticateApiKey(deps: Deps, secret: string | undefined): Promise<StaffActor> {
  if (!secret || secret.length > 200) throw refused();
  const key = await deps.db.apiKey.findUnique({ where: { secretHash: apiKeyHash(secret) }, include: { producer: { select: { suspendedAt: true } } } });
  const now = deps.clock.now();
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now) || key.producer.suspendedAt) throw refused();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    // Conditional, so concurrent requests of one key write it once.
    await deps.db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_EVERY_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  const label = apiKeyLabel(key);
  return {
    kind: "staff",
    staffId: key.id,
    apiKeyId: key.id,
    email: label,
    name: label,
    // The role bounds a key to one producer's permissions; its scopes narrow them further.
    role: "PRODUCER_ADMIN",
    producerId: key.producerId,
    permissions: permissionsForScopes(key.scopes as ApiKeyScope[]),
  };
}
