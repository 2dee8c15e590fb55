import type { Tx } from "@stockroom/db";
import type { Deps } from "../deps.ts";

/**
 * Prisma's defaults (2 s to get a connection, 5 s to finish) turn a burst of checkouts queued on the
 * pool into errors. Waiting in the queue is the right behaviour under load; the bounds still stop a
 * stuck transaction.
 */
const STOCK_TX = { maxWait: 15_000, timeout: 15_000 } as const;

export function stockTransaction<T>(deps: Deps, work: (tx: Tx) => Promise<T>): Promise<T> {
  return deps.db.$transaction(work, STOCK_TX);
}
