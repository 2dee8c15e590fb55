import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, SQL_DIR } from "./paths.ts";
import { applySqlObjects, checkSqlDrift, findSqlDrift, readSqlObjects, SqlDriftError, SqlObjectsError } from "./sql-objects.ts";
import { useTestDatabase } from "./testing/index.ts";

const database = useTestDatabase();

async function run(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: database.current.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("SQL with one home (prisma/sql)", () => {
  it("a migrated database matches the files", async () => {
    await expect(checkSqlDrift(database.current.url)).resolves.toBeUndefined();
  });

  it("catches a function edited, dropped or added in the database only, and migrate puts the files back", async () => {
    await run(`CREATE OR REPLACE FUNCTION stock_is_low(p_available integer, p_minimum integer)
               RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT p_available <= p_minimum; $$`);
    await run("DROP FUNCTION stock_expiry_band(date, date)");
    await run("CREATE FUNCTION stock_old_rule() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$");
    expect(await findSqlDrift(database.current.url)).toEqual({
      changed: ["function stock_is_low(integer,integer)"],
      missing: ["function stock_expiry_band(date,date)"],
      extra: ["function stock_old_rule()"],
    });
    const error = await checkSqlDrift(database.current.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlDriftError);
    expect((error as Error).message).toContain("differ from prisma/sql: function stock_is_low(integer,integer)");

    // Applying the files (every migrate does) restores the edited and dropped ones and drops the stray one.
    await applySqlObjects(database.current.url);
    await expect(checkSqlDrift(database.current.url)).resolves.toBeUndefined();
  });

  it("catches a trigger changed in the database only", async () => {
    await run(`CREATE OR REPLACE TRIGGER "Movement_append_only" BEFORE DELETE ON "Movement" FOR EACH ROW EXECUTE FUNCTION stock_reject_movement_change()`);
    expect((await findSqlDrift(database.current.url)).changed).toEqual(['trigger Movement_append_only on "Movement"']);
    await applySqlObjects(database.current.url);
    await expect(checkSqlDrift(database.current.url)).resolves.toBeUndefined();
  });

  it("apply-order.txt lists every file once; a file that fails names itself and changes nothing", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "stockroom-sql-"));
    try {
      await cp(SQL_DIR, dir, { recursive: true });
      await writeFile(path.join(dir, "stock_unlisted.sql"), "SELECT 1;");
      await expect(readSqlObjects(dir)).rejects.toThrow(/not listed: stock_unlisted\.sql/);
      await rm(path.join(dir, "stock_unlisted.sql"));

      await writeFile(
        path.join(dir, "stock_is_low.sql"),
        "CREATE OR REPLACE FUNCTION stock_is_low(p_available integer, p_minimum integer) RETURNS boolean LANGUAGE sql AS $$ SELECT no_such_column $$;",
      );
      const error = await applySqlObjects(database.current.url, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SqlObjectsError);
      expect((error as Error).message).toMatch(/^prisma\/sql\/stock_is_low\.sql: column "no_such_column" does not exist/);
      await expect(checkSqlDrift(database.current.url)).resolves.toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("migrations carry no function body, and each function is defined by exactly one file", async () => {
    const prismaDir = path.join(REPO_ROOT, "prisma");
    const withFunctions: string[] = [];
    for (const file of (await readdir(prismaDir, { recursive: true })).filter((f) => f.endsWith(".sql"))) {
      if (/CREATE\s+(OR\s+REPLACE\s+)?FUNCTION/i.test(await readFile(path.join(prismaDir, file), "utf8"))) withFunctions.push(file);
    }
    expect(withFunctions.length).toBeGreaterThan(10);
    expect(withFunctions.filter((file) => !file.startsWith("sql/"))).toEqual([]);
    const names: string[] = [];
    for (const { name, sql } of await readSqlObjects()) {
      const defined = [...sql.matchAll(/CREATE OR REPLACE (?:FUNCTION|TRIGGER|VIEW)\s+("?\w+"?)/gi)].map((m) => m[1]);
      expect(defined, name).toHaveLength(1);
      expect(`${defined[0]?.replaceAll('"', "")}.sql`, "a file is named for what it defines").toBe(name);
      names.push(name);
    }
    expect(names.sort()).toEqual((await readdir(SQL_DIR)).filter((f) => f.endsWith(".sql")).sort());
    expect(await readFile(path.join(SQL_DIR, "apply-order.txt"), "utf8")).toContain("stock_reserve_carts.sql");
  });
});
