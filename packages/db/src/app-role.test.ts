import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE, applyAppGrants } from "./app-role.ts";
import { useTestDatabase } from "./testing/use-test-database.ts";

const database = useTestDatabase({ maxConnections: 2 });
let app: pg.Client;

beforeAll(async () => {
  app = new pg.Client({ connectionString: database.current.appUrl });
  await app.connect();
});
afterAll(async () => {
  await app?.end();
});

/** The SQLSTATE a statement fails with, or "ok". */
async function outcome(sql: string): Promise<string> {
  await app.query("BEGIN");
  try {
    await app.query(sql);
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await app.query("ROLLBACK");
  }
}

const INSUFFICIENT_PRIVILEGE = "42501";

describe("the app role", () => {
  it("is a plain login role that owns nothing in public", async () => {
    const { rows } = await app.query(
      "SELECT current_user AS name, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = current_user",
    );
    expect(rows[0]).toEqual({ name: APP_ROLE, rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
    const owned = await app.query("SELECT count(*)::int AS n FROM pg_class WHERE relowner = current_user::regrole AND relnamespace = 'public'::regnamespace");
    expect(owned.rows[0].n).toBe(0);
    const boss = await app.query("SELECT nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname = 'pgboss'");
    expect(boss.rows[0].owner).toBe(APP_ROLE);
  });

  it("reads, writes rows and calls the stock functions", async () => {
    const inserted = await app.query(
      `INSERT INTO "Producer" (id, name, slug) VALUES (gen_random_uuid(), 'Role test', 'role-test-' || gen_random_uuid()) RETURNING id`,
    );
    const id = inserted.rows[0].id as string;
    await app.query(`UPDATE "Producer" SET name = 'Renamed' WHERE id = $1`, [id]);
    expect((await app.query(`SELECT name FROM "Producer" WHERE id = $1`, [id])).rows[0].name).toBe("Renamed");
    const band = await app.query("SELECT stock_expiry_band(DATE '2026-01-05', DATE '2026-01-01')::text AS band");
    expect(band.rows[0].band).toBe("DAYS_7");
    expect(await outcome(`SELECT count(*) FROM "Movement"`)).toBe("ok");
    await app.query(`DELETE FROM "Producer" WHERE id = $1`, [id]);
  });

  it.each([
    ["create a table", "CREATE TABLE intruder (id int)"],
    ["create a table in public by its qualified name", "CREATE TABLE public.intruder (id int)"],
    ["create a schema", "CREATE SCHEMA intruder"],
    ["alter a table", `ALTER TABLE "Producer" ADD COLUMN intruder int`],
    ["drop a table", `DROP TABLE "Producer"`],
    ["truncate a table", `TRUNCATE "Producer"`],
    ["truncate the ledger", `TRUNCATE "Movement"`],
    ["replace a stock function", 'CREATE OR REPLACE FUNCTION stock_expiry_band(date, date) RETURNS "ExpiryBand" LANGUAGE sql AS $$ SELECT NULL $$'],
    ["create a function", "CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$"],
    ["disable the ledger's trigger", `ALTER TABLE "Movement" DISABLE TRIGGER "Movement_append_only"`],
    ["update the ledger", `UPDATE "Movement" SET reason = 'rewritten'`],
    ["delete from the ledger", `DELETE FROM "Movement"`],
    ["rewrite the audit log", `UPDATE "AuditEvent" SET action = 'x'`],
    ["delete from the audit log", `DELETE FROM "AuditEvent"`],
    ["read the migrations table", "SELECT count(*) FROM _prisma_migrations"],
  ])("may not %s (42501)", async (_, sql) => {
    expect(await outcome(sql)).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it("is handed pg-boss objects an earlier version created as the owner, on the next migrate", async () => {
    const owner = new pg.Client({ connectionString: database.current.url });
    await owner.connect();
    try {
      await owner.query(`
        CREATE TYPE pgboss.old_state AS ENUM ('a', 'b');
        CREATE TABLE pgboss.old_job (id serial PRIMARY KEY, state pgboss.old_state);
        CREATE TABLE pgboss.old_parted (name text) PARTITION BY LIST (name);
        CREATE TABLE pgboss.old_part PARTITION OF pgboss.old_parted FOR VALUES IN ('x');
        CREATE FUNCTION pgboss.old_fn() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;`);
      await applyAppGrants(database.current.url);
      const { rows } = await owner.query(`
        SELECT relname AS name, relowner::regrole::text AS owner FROM pg_class WHERE relnamespace = 'pgboss'::regnamespace AND relkind IN ('r', 'p', 'S')
        UNION ALL SELECT proname, proowner::regrole::text FROM pg_proc WHERE pronamespace = 'pgboss'::regnamespace
        UNION ALL SELECT typname, typowner::regrole::text FROM pg_type WHERE typnamespace = 'pgboss'::regnamespace AND typtype = 'e'
        ORDER BY 1`);
      expect(rows).toEqual(["old_fn", "old_job", "old_job_id_seq", "old_part", "old_parted", "old_state"].map((name) => ({ name, owner: APP_ROLE })));
      expect(await outcome("INSERT INTO pgboss.old_job (state) VALUES ('a')")).toBe("ok");
    } finally {
      await owner.query("DROP TABLE pgboss.old_job, pgboss.old_parted; DROP TYPE pgboss.old_state; DROP FUNCTION pgboss.old_fn()");
      await owner.end();
    }
  });
});
