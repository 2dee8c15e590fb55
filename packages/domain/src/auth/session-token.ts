import { createHash, randomBytes } from "node:crypto";

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Sessions are stored by hash: a copy of the table does not hold live credentials. */
export function sessionIdFor(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
