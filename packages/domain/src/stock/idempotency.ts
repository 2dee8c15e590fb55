import { createHash } from "node:crypto";
import type { Prisma, Tx } from "@stockroom/db";
import { DomainError } from "../errors.ts";

export function requestHash(input: unknown): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("hex");
}

/**
 * Runs `work` once per (scope, key). The key row is inserted first in the same transaction: a
 * concurrent request with the same key waits on it, then reads the committed response. Failures
 * roll back with the transaction, so the key is only spent by a success.
 */
export async function onceForKey<T>(tx: Tx, scope: string, key: string | undefined, input: unknown, work: () => Promise<T>): Promise<T> {
  if (!key) return work();
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
