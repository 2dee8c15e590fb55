import { DEFAULT_LOW_STOCK_COOLDOWN_HOURS, DEFAULT_PENDING_ORDER_TTL_HOURS, webhookEnv } from "@stockroom/domain";
import { metricsAccessEnv } from "@stockroom/metrics";
import { providerEnvSchema } from "@stockroom/notifications";
import { z } from "zod";

const schema = z
  .object({
    /** The owner's URL; not needed when APP_DATABASE_URL is set (migrate uses it, the app does not). */
    DATABASE_URL: z.string().url("must be a postgres:// URL, or set APP_DATABASE_URL (pnpm start sets them for the embedded database)"),
    /** The app role's URL (least privilege: no DDL). Unset: DATABASE_URL, with a warning at boot. */
    APP_DATABASE_URL: z.string().url("must be a postgres:// URL for the app role (stockroom_app)").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** How long SIGTERM waits for running jobs before giving up on them (they are retried later). */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(20_000),
    POLLING_INTERVAL_SECONDS: z.coerce.number().min(0.5).default(1),
    /** Serve GET /metrics on this port (unset: no listener); METRICS_HOST, METRICS_TOKEN and METRICS_ALLOW as on the server. */
    METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    METRICS_HOST: z.string().default("127.0.0.1"),
    ...metricsAccessEnv,
    LOW_STOCK_RENOTIFY_HOURS: z.coerce.number().positive().default(24),
    LOW_STOCK_COOLDOWN_HOURS: z.coerce.number().min(0).max(168).default(DEFAULT_LOW_STOCK_COOLDOWN_HOURS),
    /** PENDING orders not confirmed within this many hours are cancelled, releasing their stock. */
    /** Where people open the app: the order link in customer emails (a cancelled order's, from the worker). */
    PUBLIC_URL: z.string().url("must be the URL people open, e.g. https://stock.example.com").optional(),
    PENDING_ORDER_TTL_HOURS: z.coerce.number().int().min(1).max(8_760).default(DEFAULT_PENDING_ORDER_TTL_HOURS),
    ...webhookEnv,
    /** How often the webhook dispatcher looks for due deliveries. */
    WEBHOOKS_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    NODE_ENV: z.string().optional(),
  })
  .extend(providerEnvSchema.shape);

export type WorkerEnv = z.infer<typeof schema>;

/** The URL the worker connects with: the app role's, else (with a warning at boot) the owner's. */
export const appDatabaseUrl = (env: Pick<WorkerEnv, "DATABASE_URL" | "APP_DATABASE_URL">): string => env.APP_DATABASE_URL ?? env.DATABASE_URL;

export function loadWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const result = schema.safeParse({
    ...source,
    DATABASE_URL: source.DATABASE_URL || source.APP_DATABASE_URL,
    APP_DATABASE_URL: source.APP_DATABASE_URL || undefined,
  });
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid worker environment:\n${lines.join("\n")}`);
}
