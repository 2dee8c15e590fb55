import type { Db } from "@stockroom/db";
import { startSendOnlyQueue } from "@stockroom/jobs";
import type { PgBoss } from "pg-boss";
import type { Clock, Deps } from "../deps.ts";

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date = new Date()) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Real deps on a test database: Prisma, a real pg-boss (send only) and a manual clock. */
export async function createTestDeps(db: Db, url: string, clock: Clock = new ManualClock()): Promise<{ deps: Deps; boss: PgBoss; close(): Promise<void> }> {
  const { boss, jobs, stop } = await startSendOnlyQueue(url, { maxConnections: 3 });
  return { deps: { db, jobs, clock }, boss, close: stop };
}
