import type { TestDatabase } from "@stockroom/db/testing";
import type { Clock } from "@stockroom/domain";
import { outboxProvider } from "@stockroom/notifications";
import pino from "pino";
import { type RunningWorker, startWorker, type WorkerOptions } from "../worker.ts";

/** A real worker on a test database: silent, polling every 0.5 s, messages to the outbox unless a test gives providers. */
export function startTestWorker(
  database: TestDatabase,
  clock: Clock,
  options: Partial<Omit<WorkerOptions, "databaseUrl" | "db" | "clock">> = {},
): Promise<RunningWorker> {
  return startWorker({
    databaseUrl: database.appUrl,
    db: database.appDb,
    clock,
    log: pino({ level: "silent" }),
    messengers: { EMAIL: outboxProvider, SMS: outboxProvider, WHATSAPP: outboxProvider },
    pollingIntervalSeconds: 0.5,
    ...options,
  });
}
