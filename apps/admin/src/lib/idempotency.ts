/**
 * A key for one intended change: a retried or double-clicked submit sends the same key, so the
 * server applies it once. getRandomValues works on plain http too (randomUUID needs a secure context).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
