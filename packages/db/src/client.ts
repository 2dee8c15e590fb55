import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export type Db = PrismaClient;
/** A Prisma interactive-transaction client. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface PoolOptions {
  maxConnections?: number;
  /**
   * Postgres cancels any statement (lock waits included) running longer than this, so one request
   * cannot stall the database. Unset: no limit (migrations and the worker's long sweeps).
   */
  statementTimeoutMs?: number;
}

export function createDb(url: string, options: PoolOptions = {}): Db {
  const adapter = new PrismaPg({ connectionString: url, max: options.maxConnections ?? 10, statement_timeout: options.statementTimeoutMs });
  return new PrismaClient({ adapter });
}

/**
 * A plain node-postgres pool, for the one path that needs it: the coalesced hold path runs a whole
 * batch as a handful of statements on one connection, without the ORM's per-query overhead.
 */
export function createPool(url: string, max: number, options: Omit<PoolOptions, "maxConnections"> = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, statement_timeout: options.statementTimeoutMs });
  // An idle connection the server ends (a restart, a failover, an administrator, a dropped test
  // database) is removed from the pool by pg, and the next query opens a new one. Without a
  // listener its 'error' event would crash the whole process instead.
  pool.on("error", () => {});
  return pool;
}
export type { Pool, PoolClient } from "pg";
