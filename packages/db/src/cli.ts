// Database commands: `migrate` applies pending migrations, prisma/sql and prisma/grants.sql
// (DATABASE_URL, or the embedded dev cluster in .data/pg; APP_DB_PASSWORD creates the app role);
// `create <name>` writes a new migration from the schema change; `check` fails when the schema has
// changes no migration covers (it diffs schema files) or prisma/sql/apply-order.txt does not list
// every file; `check-sql` fails when the database's functions and triggers differ from prisma/sql.
import { APP_ROLE, hasAppRole } from "./app-role.ts";
import { applyMigrations, checkSchemaDrift, createMigration } from "./migrations.ts";
import { resolveDatabase } from "./resolve-database.ts";
import { checkSqlDrift, readSqlObjects } from "./sql-objects.ts";

const [command, name] = process.argv.slice(2);

async function run(url: string): Promise<void> {
  if (command === "migrate") {
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
    console.log(
      (await hasAppRole(url))
        ? `Role ${APP_ROLE}: rights applied (prisma/grants.sql).`
        : `No role ${APP_ROLE} on this server: the app will connect as the owner. Set APP_DB_PASSWORD to create it (README, Running in production).`,
    );
  } else if (command === "create") {
    if (!name) throw new Error("usage: pnpm db:migration:create <snake_case_name>");
    const file = await createMigration(url, name);
    console.log(file ? `Created ${file}. Review it; add CHECKs and partial indexes by hand.` : "Schema matches the migrations; nothing to create.");
  } else if (command === "check-sql") {
    await checkSqlDrift(url);
    console.log("The database's functions and triggers match prisma/sql.");
  } else {
    await checkSchemaDrift(url);
    console.log(`Schema and migrations agree; prisma/sql lists ${(await readSqlObjects()).length} files in order.`);
  }
}

async function main(): Promise<void> {
  if (command !== "migrate" && command !== "create" && command !== "check" && command !== "check-sql") {
    throw new Error("usage: cli.ts migrate | create <snake_case_name> | check | check-sql");
  }
  // `create` and `check` read no tables but the engine wants a connection: use a scratch cluster.
  const cluster = command === "migrate" || command === "check-sql" ? "pg" : "pg-scratch";
  const db = await resolveDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    // migrate creates the app role on DATABASE_URL's server when given its password.
    appPassword: command === "migrate" ? process.env.APP_DB_PASSWORD || undefined : undefined,
    cluster,
  });
  try {
    await run(db.url);
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
