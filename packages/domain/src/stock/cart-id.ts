import { createHash } from "node:crypto";

/** Guests hold a random cart token (header x-cart-token, schema in @stockroom/contracts); the database keeps only its hash. */

export function cartIdFor(token: string): string {
  return createHash("sha256").update(`cart:${token}`).digest("base64url");
}
