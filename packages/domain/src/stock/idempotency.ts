import { createHash } from "node:crypto";
import type { Prisma, Tx } from "@stockroom/db";
import { DomainError } from "../errors.ts";

export function requestHash(input: unknown): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("hex");
}

/**
 * Whose key space a key lives in. `tenant` is the producer owning the record (or the cart id for
 * cart calls), and the caller must have checked the actor may touch that record BEFORE calling
 * `onceForKey`: a stored answer is then only ever read back by its own tenant, and a stranger gets
 * the same NOT_FOUND as for any record of another producer.
 */
export interface KeyScope {
  action: string;
  tenant: string;
}

/**
 * Runs `work` once per (scope, key). The key row is inserted first in the same transaction: a
 * concurrent request with the same key waits on it, then reads the committed response. Failures
 * roll back with the transaction, so the key is only spent by a success.
 */
export async function onceForKey<T>(tx: Tx, keyScope: KeyScope, key: string | undefined, input: unknown, work: () => Promise<T>): Promise<T> {
  if (!key) return work();
  const scope = `${keyScope.action}:${keyScope.tenant}`;
  const hash = requestHash(input);
  const inserted = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "IdempotencyKey" (scope, key, "requestHash") VALUES (${scope}, ${key}, ${hash})
    ON CONFLICT (scope, key) DO NOTHING RETURNING key`;
  if (inserted.length === 0) {
    const previous = await tx.idempotencyKey.findUnique({ where: { scope_key: { scope, key } } });
    if (previous?.requestHash !== hash) {
      throw new DomainError("CONFLICT", "This idempotency key was already used for a different request.", { fields: { idempotencyKey: "already used" } });
    }
    return previous.response as T;
  }
  const result = await work();
  // Return what was stored (jsonb normalizes key order), so the first answer and replays are identical.
  const stored = await tx.idempotencyKey.update({ where: { scope_key: { scope, key } }, data: { response: result as Prisma.InputJsonValue } });
  return stored.response as T;
}
