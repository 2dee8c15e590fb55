import { randomBytes } from "node:crypto";

/** A new signing secret in Standard Webhooks form: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** What lists show: the prefix and the last four characters. */
export function maskSecret(secret: string): string {
  return `whsec_…${secret.slice(-4)}`;
}
