import { createHash, randomBytes } from "node:crypto";

/** Every secret starts with this, so scanners and people can tell what it is. */
export const API_KEY_PREFIX = "sr_";
const PREFIX_BODY_LENGTH = 8;

/** A new secret: `sr_` + 8 characters (the visible prefix) + `_` + 43 random characters. */
export function newApiKeySecret(): { secret: string; prefix: string } {
  const prefix = `${API_KEY_PREFIX}${randomBytes(6).toString("base64url").slice(0, PREFIX_BODY_LENGTH)}`;
  return { secret: `${prefix}_${randomBytes(32).toString("base64url")}`, prefix };
}

/** Keys are stored by hash only: a copy of the table holds no working key. */
export function apiKeyHash(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

/** The name audit entries, movements and order events show for a key. */
export function apiKeyLabel(key: { name: string; prefix: string }): string {
  return `API key ${key.name} (${key.prefix})`;
}
