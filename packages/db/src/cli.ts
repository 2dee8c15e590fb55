// Database commands: `migrate` applies pending migrations (DATABASE_URL, or the embedded dev
// cluster in .data/pg); `create <name>` writes a new migration from the schema change; `check`
// fails when the schema has changes no migration covers. `create` and `check` diff schema files.
import { applyMigrations, checkSchemaDrift, createMigration } from "./migrations.ts";
import { resolveDatabase } from "./resolve-database.ts";

const [command, name] = process.argv.slice(2);

async function run(url: string): Promise<void> {
  if (command === "migrate") {
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
  } else if (command === "create") {
    if (!name) throw new Error("usage: pnpm db:migration:create <snake_case_name>");
    const file = await createMigration(url, name);
    console.log(file ? `Created ${file}. Review it; add CHECKs and partial indexes by hand.` : "Schema matches the migrations; nothing to create.");
  } else {
    await checkSchemaDrift(url);
    console.log("Schema and migrations agree.");
  }
}

async function main(): Promise<void> {
  if (command !== "migrate" && command !== "create" && command !== "check") {
    throw new Error("usage: cli.ts migrate | create <snake_case_name> | check");
  }
  // `create` and `check` read no tables but the engine wants a connection: use a scratch cluster.
  const cluster = command === "migrate" ? "pg" : "pg-scratch";
  const db = await resolveDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, cluster });
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
