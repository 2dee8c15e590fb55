import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { SQL_DIR } from "./paths.ts";

// The SQL that enforces stock rules (functions, triggers, views) has one readable home: one file
// per object in prisma/sql, listed in apply-order.txt. Migrations change tables and never carry a
// function body; these files are applied after them, as CREATE OR REPLACE, on every migrate.

const ORDER_FILE = "apply-order.txt";

export interface SqlObjectFile {
  name: string;
  sql: string;
}

export class SqlObjectsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlObjectsError";
  }
}

/** The files in their declared order; every .sql file must be listed exactly once. */
export async function readSqlObjects(dir = SQL_DIR): Promise<SqlObjectFile[]> {
  const order = (await readFile(path.join(dir, ORDER_FILE), "utf8"))
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const onDisk = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  const repeated = order.filter((name, i) => order.indexOf(name) !== i);
  const unlisted = onDisk.filter((f) => !order.includes(f));
  const missing = order.filter((f) => !existsSync(path.join(dir, f)));
  if (repeated.length || unlisted.length || missing.length) {
    throw new SqlObjectsError(
      `${path.join(dir, ORDER_FILE)} must list every .sql file of the folder once` +
        `${unlisted.length ? `; not listed: ${unlisted.join(", ")}` : ""}${missing.length ? `; no such file: ${missing.join(", ")}` : ""}` +
        `${repeated.length ? `; listed twice: ${repeated.join(", ")}` : ""}.`,
    );
  }
  return Promise.all(order.map(async (name) => ({ name, sql: await readFile(path.join(dir, name), "utf8") })));
}

type Queryable = Pick<pg.ClientBase, "query">;

/** Inside the caller's transaction: apply every file, then drop our functions that no file defines any more. */
async function applyInTransaction(client: Queryable, files: SqlObjectFile[]): Promise<void> {
  for (const file of files) {
    try {
      await client.query(file.sql);
    } catch (error) {
      throw new SqlObjectsError(`prisma/sql/${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const name of await staleFunctions(client)) await client.query(`DROP FUNCTION ${name.slice("function ".length)}`);
}

/** Functions no file defines (renamed, removed, an old signature): after applying the files, the ones this transaction did not write. */
async function staleFunctions(client: Queryable): Promise<string[]> {
  const objects = await describeSqlObjects(client);
  return [...objects].filter(([name, o]) => name.startsWith("function ") && !o.isWrittenNow).map(([name]) => name);
}

// CREATE OR REPLACE rewrites an object's catalog row even when nothing changed, so after applying
// the files, the rows this transaction wrote are exactly the objects the files define.
const WRITTEN_NOW = "(pg_current_xact_id()::text::bigint % 4294967296)::text";

/** Applies prisma/sql to the database at `url` in one transaction. */
export async function applySqlObjects(url: string, dir = SQL_DIR): Promise<void> {
  const files = await readSqlObjects(dir);
  await withClient(url, async (client) => {
    await client.query("BEGIN");
    try {
      await applyInTransaction(client, files);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}

interface SqlObject {
  definition: string;
  /** Written by the current transaction (see WRITTEN_NOW). */
  isWrittenNow: boolean;
}

/** Every function, trigger and view of ours (not an extension's, not a constraint's), by name, as Postgres prints it. */
export async function describeSqlObjects(client: Queryable): Promise<Map<string, SqlObject>> {
  const { rows } = await client.query<{ name: string; definition: string; written: boolean }>(`
    SELECT 'function ' || p.oid::regprocedure::text AS name, pg_get_functiondef(p.oid) AS definition, p.xmin::text = ${WRITTEN_NOW} AS written
    FROM pg_proc p
    WHERE p.pronamespace = 'public'::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'trigger ' || t.tgname || ' on ' || t.tgrelid::regclass::text, pg_get_triggerdef(t.oid), t.xmin::text = ${WRITTEN_NOW}
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'view ' || c.relname, pg_get_viewdef(c.oid), EXISTS (SELECT 1 FROM pg_rewrite r WHERE r.ev_class = c.oid AND r.xmin::text = ${WRITTEN_NOW})
    FROM pg_class c WHERE c.relkind IN ('v', 'm') AND c.relnamespace = 'public'::regnamespace`);
  return new Map(rows.map((r) => [r.name, { definition: r.definition, isWrittenNow: r.written }]));
}

export interface SqlDrift {
  /** In the files, with another definition in the database. */
  changed: string[];
  /** In the files, not in the database. */
  missing: string[];
  /** In the database, in no file. */
  extra: string[];
}

export class SqlDriftError extends Error {
  constructor(readonly drift: SqlDrift) {
    const parts = [
      drift.changed.length ? `differ from prisma/sql: ${drift.changed.join(", ")}` : "",
      drift.missing.length ? `missing from the database: ${drift.missing.join(", ")}` : "",
      drift.extra.length ? `in the database but in no file: ${drift.extra.join(", ")}` : "",
    ].filter(Boolean);
    super(`The database's functions, triggers and views do not match prisma/sql (${parts.join("; ")}). Run \`pnpm db:migrate\`.`);
    this.name = "SqlDriftError";
  }
}

/**
 * Compares the live database with prisma/sql without changing it: reads every object, applies the
 * files inside a transaction, reads again, rolls back.
 */
export async function findSqlDrift(url: string, dir = SQL_DIR): Promise<SqlDrift> {
  const files = await readSqlObjects(dir);
  return withClient(url, async (client) => {
    await client.query("BEGIN");
    try {
      const live = await describeSqlObjects(client);
      // Bodies are checked when the files are applied; here a function may be missing.
      await client.query("SET LOCAL check_function_bodies = off");
      for (const file of files) await client.query(file.sql);
      const expected = new Map([...(await describeSqlObjects(client))].filter(([, o]) => o.isWrittenNow));
      return {
        changed: [...expected].filter(([name, o]) => live.has(name) && live.get(name)?.definition !== o.definition).map(([name]) => name),
        missing: [...expected.keys()].filter((name) => !live.has(name)),
        extra: [...live.keys()].filter((name) => !expected.has(name)),
      };
    } finally {
      await client.query("ROLLBACK");
    }
  });
}

export async function checkSqlDrift(url: string, dir = SQL_DIR): Promise<void> {
  const drift = await findSqlDrift(url, dir);
  if (drift.changed.length || drift.missing.length || drift.extra.length) throw new SqlDriftError(drift);
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
