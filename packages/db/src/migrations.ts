import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { applyAppGrants } from "./app-role.ts";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "./paths.ts";
import { withSchemaEngine } from "./schema-engine.ts";
import { applySqlObjects } from "./sql-objects.ts";

// Introspecting a live database through adapter-pg fails in Prisma 7.10 (the engine cannot read
// pg_catalog's "char" columns, then panics), and so do the shadow-database paths. So the
// migrations folder keeps a snapshot of the schema it was generated from: a new migration is
// diff(snapshot -> schema), and the drift check fails when that diff is not empty.
const NO_FILTER = { externalTables: [], externalEnums: [] };
const EMPTY_MIGRATION = "-- This is an empty migration.";
const SNAPSHOT_FILE = "schema.snapshot.prisma";

export interface MigrationPaths {
  schemaPath: string;
  migrationsDir: string;
}
const DEFAULT_PATHS: MigrationPaths = { schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR };

export async function readMigrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: await readFile(path.join(dir, folder, "migration.sql"), "utf8") } },
      })),
    ),
  };
}

export class MigrationEditedError extends Error {
  constructor(readonly names: string[]) {
    super(
      `Migration(s) ${names.join(", ")} changed after being applied to this database. Restore the applied text and put the change in a new migration ` +
        "(`pnpm db:migration:create <name>`), or, for a throwaway dev database, delete its data directory under .data/.",
    );
    this.name = "MigrationEditedError";
  }
}

export class UnknownMigrationsError extends Error {
  constructor(readonly names: string[]) {
    super(
      `This database has migrations this checkout does not have (${names.join(", ")}). The migrations were squashed into one ` +
        "baseline on 2026-11-27 (nothing had been deployed): for a dev or demo database made before that, delete its data " +
        "directory under .data/ (or drop the database); otherwise run the code that made it.",
    );
    this.name = "UnknownMigrationsError";
  }
}

/**
 * Apply pending migrations exactly as `prisma migrate deploy` does (same `_prisma_migrations`
 * table), verify that every applied migration still has the text it was applied with (the WASM
 * engine reports an edited migration as "up to date", which would hide a missing change), then
 * apply the functions, triggers and views of prisma/sql (sql-objects.ts), then the app role's
 * rights (prisma/grants.sql, when the role exists: app-role.ts).
 */
export async function applyMigrations(url: string, paths: MigrationPaths = DEFAULT_PATHS, sqlDir?: string): Promise<string[]> {
  const schema = await readFile(paths.schemaPath, "utf8");
  const migrationsList = await readMigrationList(paths.migrationsDir);
  // Checked before applying: an edited migration already has its row, and the engine would call it "up to date".
  await assertAppliedKnown(url, migrationsList);
  const result = await withSchemaEngine(url, schema, (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTER }));
  await applySqlObjects(url, sqlDir);
  await applyAppGrants(url);
  return result.appliedMigrationNames;
}

/** Applied migrations must all be in the folder, with the text they were applied with. */
async function assertAppliedKnown(url: string, migrationsList: MigrationList): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    if (!table.rows[0]?.present) return;
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      "SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const known = new Set(migrationsList.migrationDirectories.map((d) => d.path));
    const unknown = rows.map((r) => r.migration_name).filter((name) => !known.has(name));
    if (unknown.length > 0) throw new UnknownMigrationsError(unknown);
    const local = new Map(
      migrationsList.migrationDirectories.map((d) => [
        d.path,
        d.migrationFile.content.tag === "ok" ? createHash("sha256").update(d.migrationFile.content.value).digest("hex") : null,
      ]),
    );
    const edited = rows.filter((r) => local.has(r.migration_name) && local.get(r.migration_name) !== r.checksum).map((r) => r.migration_name);
    if (edited.length > 0) throw new MigrationEditedError(edited);
  } finally {
    await client.end();
  }
}

/**
 * SQL that takes a database at the last migration's schema to the current schema. The engine
 * insists on a live connection (`url`) even though a schema-to-schema diff reads no tables.
 */
export async function pendingSchemaSql(url: string, paths: MigrationPaths = DEFAULT_PATHS): Promise<string> {
  const schema = await readFile(paths.schemaPath, "utf8");
  const snapshotPath = path.join(paths.migrationsDir, SNAPSHOT_FILE);
  const snapshot = existsSync(snapshotPath) ? await readFile(snapshotPath, "utf8") : null;
  const result = await withSchemaEngine(url, schema, (engine) =>
    engine.diff({
      from: snapshot === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "snapshot.prisma", content: snapshot }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    }),
  );
  const sql = (result.stdout ?? "").trim();
  return sql === EMPTY_MIGRATION ? "" : sql;
}

export class SchemaDriftError extends Error {
  constructor(readonly sql: string) {
    super(`prisma/schema.prisma has changes no migration covers. Run \`pnpm db:migration:create <name>\`. Missing SQL:\n${sql}`);
    this.name = "SchemaDriftError";
  }
}

export async function checkSchemaDrift(url: string, paths: MigrationPaths = DEFAULT_PATHS): Promise<void> {
  const sql = await pendingSchemaSql(url, paths);
  if (sql) throw new SchemaDriftError(sql);
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql and the new snapshot; null when nothing changed. */
export async function createMigration(url: string, name: string, paths: MigrationPaths = DEFAULT_PATHS, now = new Date()): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Migration name "${name}" must be snake_case (a-z, 0-9, _).`);
  const sql = await pendingSchemaSql(url, paths);
  if (!sql) return null;
  const folder = path.join(paths.migrationsDir, `${timestamp(now)}_${name}`);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, "migration.sql");
  await writeFile(file, `${sql}\n`);
  await writeFile(path.join(paths.migrationsDir, SNAPSHOT_FILE), await readFile(paths.schemaPath, "utf8"));
  const lock = path.join(paths.migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) await writeFile(lock, 'provider = "postgresql"\n');
  return file;
}
