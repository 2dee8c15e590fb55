import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, checkSchemaDrift, createMigration, pendingSchemaSql, SchemaDriftError } from "./migrations.ts";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "./paths.ts";
import { databaseUrl } from "./testing/test-cluster.ts";

async function emptyDatabase(): Promise<string> {
  const adminUrl = inject("testAdminUrl");
  const name = `mig_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return databaseUrl(adminUrl, name);
}

async function copyOfPrismaFolder() {
  const dir = await mkdtemp(path.join(tmpdir(), "stockroom-prisma-"));
  await cp(MIGRATIONS_DIR, path.join(dir, "migrations"), { recursive: true });
  await cp(SCHEMA_PATH, path.join(dir, "schema.prisma"));
  return { schemaPath: path.join(dir, "schema.prisma"), migrationsDir: path.join(dir, "migrations") };
}

describe("migrations", () => {
  it("apply to an empty database, record themselves, and are not applied twice", async () => {
    const url = await emptyDatabase();
    const applied = await applyMigrations(url);
    expect(applied.length).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = await client.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name");
    const tables = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Product'");
    await client.end();
    expect(rows.rows.map((r) => r.migration_name)).toEqual(applied);
    expect(tables.rows[0].n).toBe(1);
    expect(await applyMigrations(url)).toEqual([]);
  });

  it("the committed schema matches the committed migrations (drift check)", async () => {
    await expect(checkSchemaDrift(inject("testAdminUrl"))).resolves.toBeUndefined();
  });

  it("catches a schema edit without a migration, and create turns it into one", async () => {
    const paths = await copyOfPrismaFolder();
    const schema = await readFile(paths.schemaPath, "utf8");
    await writeFile(paths.schemaPath, schema.replace("model Customer {", "model Customer {\n  nickname String?"));
    const adminUrl = inject("testAdminUrl");
    const error = await checkSchemaDrift(adminUrl, paths).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaDriftError);
    expect((error as SchemaDriftError).sql).toContain('ADD COLUMN     "nickname" TEXT');

    const file = await createMigration(adminUrl, "add_nickname", paths, new Date("2099-01-01T00:00:00Z"));
    expect(file).toMatch(/20990101000000_add_nickname\/migration\.sql$/);
    expect(await pendingSchemaSql(adminUrl, paths)).toBe("");
    const url = await emptyDatabase();
    expect((await applyMigrations(url, paths)).at(-1)).toBe("20990101000000_add_nickname");

    // Editing a migration after it was applied is caught, not reported as "up to date".
    const file2 = file as string;
    await writeFile(file2, `${await readFile(file2, "utf8")}\n-- edited later\nSELECT 1;\n`);
    await expect(applyMigrations(url, paths)).rejects.toThrow(/20990101000000_add_nickname changed after being applied/);
  });
});
