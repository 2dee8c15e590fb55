import Dexie, { type EntityTable } from "dexie";

/** What a counter entered while the server could not be reached, kept until it is sent. */
export type OutboxInput =
  | { kind: "count"; input: { sessionId: string; lotId: string; quantity: number; countedAt: string; idempotencyKey: string } }
  | { kind: "adjust"; input: { lotId: string; change: number; reason: string; idempotencyKey: string } };

export type OutboxItem = OutboxInput & {
  id?: number;
  /** What the list shows: "GL-001 lot A12: +3". */
  label: string;
  createdAt: string;
  /** waiting: to send (again); failed: the server refused it, kept with its reason until dismissed. */
  status: "waiting" | "failed";
  error: string | null;
  attempts: number;
};

/** One IndexedDB database per browser profile; survives reloads and closing the app. */
export const outboxDb = new Dexie("stockroom-admin") as Dexie & { outbox: EntityTable<OutboxItem, "id"> };
outboxDb.version(1).stores({ outbox: "++id, status, kind" });
