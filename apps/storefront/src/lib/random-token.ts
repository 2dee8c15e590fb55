/**
 * A random URL-safe string (base64url of `bytes` random bytes). Uses crypto.getRandomValues, which
 * works on plain http too (crypto.randomUUID needs a secure context).
 */
export function randomToken(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...values))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/** The guest cart's token: 32 random bytes -> 43 characters (the server accepts 20-128 URL-safe characters). */
export function newCartToken(): string {
  return randomToken(32);
}

export function newIdempotencyKey(): string {
  return randomToken(18);
}
