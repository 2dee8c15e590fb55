import type { OrderChannel, OrderEventKind, OrderStatus, Tx } from "@stockroom/db";
import { sqlTimestamp } from "../stock/sql-time.ts";

/** Who changed an order and through what: shown in the order's timeline. */
export interface OrderActor {
  /** `staff:<id>`, `system:<job>` or `customer`. */
  actor: string;
  actorName?: string | null;
  channel: OrderChannel;
}

export interface OrderEventInput extends OrderActor {
  orderId: string;
  kind: OrderEventKind;
  fromStatus?: OrderStatus | null;
  toStatus?: OrderStatus | null;
  body?: string | null;
  at: Date;
}

/** Appends one entry to an order's timeline, in the caller's transaction (the change it records). */
export async function recordOrderEvent(tx: Tx, event: OrderEventInput): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "OrderEvent" (id, "orderId", kind, "fromStatus", "toStatus", actor, "actorName", channel, body, "createdAt")
    VALUES (gen_random_uuid(), ${event.orderId}::uuid, ${event.kind}::"OrderEventKind", ${event.fromStatus ?? null}::"OrderStatus",
            ${event.toStatus ?? null}::"OrderStatus", ${event.actor}, ${event.actorName ?? null}, ${event.channel}::"OrderChannel",
            ${event.body ?? null}, ${sqlTimestamp(event.at)}::timestamp)`;
}
