import type { Db } from "@stockroom/db";
import { startSendOnlyQueue } from "@stockroom/jobs";
import type { PgBoss } from "pg-boss";
import type { Clock, Deps } from "../deps.ts";

/** A clock tests move by hand; `reset()` (in a beforeEach) returns it to where it started, so no test sees another's time. */
export class ManualClock implements Clock {
  private readonly start: Date;
  private current: Date;
  constructor(start: Date = new Date()) {
    this.start = new Date(start);
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  reset(): void {
    this.current = new Date(this.start);
  }
}

/** Real deps on a test database: Prisma, a real pg-boss (send only) and a manual clock. */
export async function createTestDeps(db: Db, url: string, clock: Clock = new ManualClock()): Promise<{ deps: Deps; boss: PgBoss; close(): Promise<void> }> {
  const { boss, jobs, stop } = await startSendOnlyQueue(url, { maxConnections: 3 });
  return { deps: { db, jobs, clock }, boss, close: stop };
}
