import type { Db } from "@stockroom/db";
import type { JobQueue } from "@stockroom/jobs";

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Everything a domain function may touch, passed in so tests can supply a real DB and a set clock. */
export interface Deps {
  db: Db;
  jobs: JobQueue;
  clock: Clock;
}
