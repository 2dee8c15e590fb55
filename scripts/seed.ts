// `pnpm db:seed`: apply migrations and (re)seed the demo data; idempotent.
import { applyMigrations, createDb, resolveDatabase } from "@stockroom/db";
import { seedDemo } from "@stockroom/domain";

const database = await resolveDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, cluster: process.env.STOCKROOM_CLUSTER || "pg" });
try {
  await applyMigrations(database.url);
  const db = createDb(database.url, { maxConnections: 2 });
  console.log("Seeded", await seedDemo(db));
  await db.$disconnect();
} finally {
  await database.stop();
}
