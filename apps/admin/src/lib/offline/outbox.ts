import { asTrpcError, errorMessage } from "@stockroom/ui";
import { newIdempotencyKey } from "../idempotency.ts";
import type { ApiClient } from "../trpc.ts";
import { type OutboxInput, type OutboxItem, outboxDb } from "./outbox-db.ts";

/**
 * Counts and quick adjusts go through the device's outbox: stored first (with the idempotency key and
 * the time they were entered), then sent in order. A network failure or a 5xx keeps an item waiting
 * for the next try; the server refusing it (4xx) marks it failed with the server's reason, kept until
 * someone dismisses it. Because the key was made when it was entered, a retry never applies twice.
 */
export async function enqueue(
  entry:
    | { kind: "count"; input: Omit<Extract<OutboxInput, { kind: "count" }>["input"], "idempotencyKey" | "countedAt"> }
    | { kind: "adjust"; input: Omit<Extract<OutboxInput, { kind: "adjust" }>["input"], "idempotencyKey"> },
  label: string,
): Promise<void> {
  const idempotencyKey = newIdempotencyKey();
  const item: OutboxInput =
    entry.kind === "count"
      ? { kind: "count", input: { ...entry.input, countedAt: new Date().toISOString(), idempotencyKey } }
      : { kind: "adjust", input: { ...entry.input, idempotencyKey } };
  await outboxDb.outbox.add({ ...item, label, createdAt: new Date().toISOString(), status: "waiting", error: null, attempts: 0 });
}

async function send(api: ApiClient, item: OutboxItem): Promise<void> {
  if (item.kind === "count") await api.counts.record.mutate(item.input);
  else await api.stock.adjust.mutate(item.input);
}

/** True when the answer came from the server and says no (a retry would be refused the same way). */
function isRefusal(error: unknown): boolean {
  const status = asTrpcError(error)?.data?.httpStatus;
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

let running: Promise<number> | null = null;

/** Sends every waiting item, oldest first; stops at the first network failure. Returns how many were sent. */
export function syncOutbox(api: ApiClient): Promise<number> {
  running ??= (async () => {
    let sent = 0;
    try {
      for (const item of await outboxDb.outbox.where("status").equals("waiting").sortBy("id")) {
        try {
          await send(api, item);
          await outboxDb.outbox.delete(item.id as number);
          sent += 1;
        } catch (error) {
          if (!isRefusal(error)) {
            await outboxDb.outbox.update(item.id as number, { attempts: item.attempts + 1 });
            break;
          }
          await outboxDb.outbox.update(item.id as number, { status: "failed", error: errorMessage(error), attempts: item.attempts + 1 });
        }
      }
    } finally {
      running = null;
    }
    return sent;
  })();
  return running;
}

export function dismiss(id: number): Promise<void> {
  return outboxDb.outbox.delete(id);
}
