import { createHash } from "node:crypto";
import { z } from "zod";

/** Guests hold a random cart token (header x-cart-token); the database keeps only its hash. */
export const cartTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, "Cart token must be 20-128 URL-safe characters.");

export function cartIdFor(token: string): string {
  return createHash("sha256").update(`cart:${token}`).digest("base64url");
}
