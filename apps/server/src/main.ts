import path from "node:path";
import { type FileStore, LocalFileStore, S3FileStore, webhookSettingsFromEnv } from "@stockroom/domain";
import { buildServer } from "./app.ts";
import { createServerDeps } from "./deps.ts";
import { appDatabaseUrl, loadServerEnv, type ServerEnv } from "./env.ts";

const OWNER_WARNING =
  "APP_DATABASE_URL is not set: connecting as DATABASE_URL's role, which may change the schema. Create the app role and set APP_DATABASE_URL (README: Running in production).";

/** S3-compatible storage when S3_BUCKET is set, else a folder (UPLOADS_DIR, or the data folder's uploads). */
function fileStoreFor(env: ServerEnv): FileStore | undefined {
  if (env.S3_BUCKET)
    return new S3FileStore({
      bucket: env.S3_BUCKET,
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      isPathStyle: env.S3_FORCE_PATH_STYLE,
      prefix: env.S3_PREFIX || undefined,
    });
  return env.UPLOADS_DIR ? new LocalFileStore(path.resolve(env.UPLOADS_DIR)) : undefined;
}

async function main(): Promise<void> {
  const env = loadServerEnv();
  const { deps, close } = await createServerDeps(appDatabaseUrl(env), env.DB_POOL_SIZE, {
    isHoldCoalescing: env.HOLD_COALESCING,
    holdLanes: env.HOLD_LANES,
    holdDepth: env.HOLD_DEPTH,
    holdTtlSeconds: env.HOLD_TTL_SECONDS,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    cartMaxPerProduct: env.CART_MAX_PER_PRODUCT,
    cartMaxUnits: env.CART_MAX_UNITS,
    files: fileStoreFor(env),
    publicUrl: env.PUBLIC_URL,
    webhooks: webhookSettingsFromEnv(env, env.NODE_ENV === "production"),
  });
  const app = await buildServer({ env, deps });
  if (!env.APP_DATABASE_URL) app.log.warn(OWNER_WARNING);
  await app.listen({ host: env.HOST, port: env.PORT });
  const stop = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    await app.close();
    await close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
