// `pnpm db:seed`: apply migrations and seed the demo data; idempotent. Into the embedded database by
// default; into a DATABASE_URL only with SEED_DEMO=1 (the demo has a platform admin with a known password).
import { seedDemoIfWanted } from "@stockroom/demo";
import { loadStartEnv, seedDemoFlag } from "./start-env.ts";
import { withDeps } from "./with-deps.ts";

const env = loadStartEnv();
await withDeps(
  { databaseUrl: env.DATABASE_URL, appDatabaseUrl: env.APP_DATABASE_URL, appPassword: env.APP_DB_PASSWORD, cluster: env.STOCKROOM_CLUSTER },
  async (deps) => {
    await seedDemoIfWanted(deps, { isEmbedded: !env.DATABASE_URL, seedDemo: seedDemoFlag(env) });
  },
);
