// `pnpm db:seed`: apply migrations and seed the demo data; idempotent.
import { seedDemo } from "@stockroom/domain";
import { withDeps } from "./with-deps.ts";

await withDeps({ databaseUrl: process.env.DATABASE_URL || undefined, cluster: process.env.STOCKROOM_CLUSTER || "pg" }, async (deps) => {
  console.log("Seeded", await seedDemo(deps));
});
