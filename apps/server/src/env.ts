import { DEFAULT_CART_MAX_PER_PRODUCT, DEFAULT_CART_MAX_UNITS, HOLD_COALESCER_DEFAULTS, webhookEnv } from "@stockroom/domain";
import { metricsAccessEnv } from "@stockroom/metrics";
import { z } from "zod";

/** Anonymous cart.reserve / orders.place calls per minute per cart token and per client IP (0 = no limit). */
export const DEFAULT_HOLDS_PER_CART_PER_MIN = 60;
export const DEFAULT_HOLDS_PER_IP_PER_MIN = 600;
export const DEFAULT_API_KEY_PER_MIN = 600;

const schema = z.object({
  /** The owner's URL; not needed when APP_DATABASE_URL is set (migrate uses it, the app does not). */
  DATABASE_URL: z.string().url("must be a postgres:// URL, or set APP_DATABASE_URL (pnpm start sets them for the embedded database)"),
  /** The app role's URL (least privilege: no DDL). Unset: DATABASE_URL, with a warning at boot. */
  APP_DATABASE_URL: z.string().url("must be a postgres:// URL for the app role (stockroom_app)").optional(),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** A session not used for this long is refused (checked on every request; lastSeenAt is written at most once a minute). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60 * 30)
    .default(60),
  /** How long an emailed password reset link works. */
  PASSWORD_RESET_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /** How long a customer's emailed sign-in or order link works (once). */
  CUSTOMER_LINK_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  /** How long a customer stays signed in after opening a link. */
  CUSTOMER_SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Emailed customer links (sign-in, order lookup) per hour per email and per client IP; 0 = no limit. */
  RATE_LIMIT_CUSTOMER_LINKS_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(0).max(1_000_000).default(5),
  RATE_LIMIT_CUSTOMER_LINKS_PER_IP_PER_HOUR: z.coerce.number().int().min(0).max(10_000_000).default(30),
  /** Serve the built SPAs (each app's dist folder): on in `pnpm start`, off in `pnpm dev` (Vite serves them). */
  SERVE_SPAS: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Cookies marked Secure (and `__Host-`): for a server behind HTTPS. Defaults to on when NODE_ENV=production. */
  COOKIE_SECURE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** Fastify trustProxy: false (default), true, a hop count, or comma-separated proxy IPs/CIDRs. */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((v): boolean | number | string => (v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v)),
  HOLD_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(15 * 60),
  /** Combine concurrent holds into batched transactions (group commit); off = one transaction each. */
  HOLD_COALESCING: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Coalescer lanes (products hash to a lane) and batches in flight per lane. */
  HOLD_LANES: z.coerce.number().int().min(1).max(64).default(HOLD_COALESCER_DEFAULTS.lanes),
  HOLD_DEPTH: z.coerce.number().int().min(1).max(8).default(HOLD_COALESCER_DEFAULTS.depth),
  /** Units of one product a cart or order may hold, unless the product sets its own maxPerCart. */
  CART_MAX_PER_PRODUCT: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_CART_MAX_PER_PRODUCT),
  /** Units of all products in one cart or order. */
  CART_MAX_UNITS: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_CART_MAX_UNITS),
  /** cart.reserve + orders.place per minute per cart token, and per client IP (req.ip, see TRUST_PROXY); 0 = no limit. */
  RATE_LIMIT_HOLDS_PER_CART_PER_MIN: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_HOLDS_PER_CART_PER_MIN),
  RATE_LIMIT_HOLDS_PER_IP_PER_MIN: z.coerce.number().int().min(0).max(10_000_000).default(DEFAULT_HOLDS_PER_IP_PER_MIN),
  /** Requests per minute per API key on /api/v1; 0 = no limit. */
  RATE_LIMIT_API_KEY_PER_MIN: z.coerce.number().int().min(0).max(10_000_000).default(DEFAULT_API_KEY_PER_MIN),
  /** Folder for uploaded product images (WebP sizes under a random key); default: the data folder's `uploads`. */
  UPLOADS_DIR: z.string().min(1).optional(),
  /** Set S3_BUCKET to keep product images in S3-compatible storage instead of UPLOADS_DIR. */
  S3_BUCKET: z.string().min(1).optional(),
  /** The store's URL (MinIO, R2...); unset: AWS. */
  S3_ENDPOINT: z.string().url("must be the storage's URL, e.g. https://s3.example.com").optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  /** Unset: the AWS SDK's own credential chain. */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  S3_PREFIX: z.string().default(""),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** Where people reach this server from outside: emailed links (invitations, password resets) point here; default http://localhost:<PORT>. */
  PUBLIC_URL: z
    .string()
    .url("must be a URL like https://stock.example.com")
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
  ...metricsAccessEnv,
  ...webhookEnv,
  NODE_ENV: z.string().optional(),
  /** How long an invitation link works. */
  INVITE_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(72),
  /** The embedded cluster's base backups, for System health (`pnpm start` sets it); unset on DATABASE_URL. */
  BACKUPS_DIR: z.string().optional(),
  /** Postgres cancels a request's statement after this long (0 = never): one request cannot stall the database. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
});

export type ServerEnv = z.infer<typeof schema>;

/** The URL the app connects with: the app role's, else (with a warning at boot) the owner's. */
export const appDatabaseUrl = (env: Pick<ServerEnv, "DATABASE_URL" | "APP_DATABASE_URL">): string => env.APP_DATABASE_URL ?? env.DATABASE_URL;

/** Validates the environment once; a bad value stops boot with a message naming the variable. */
export function loadServerEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const result = schema.safeParse({
    ...source,
    DATABASE_URL: source.DATABASE_URL || source.APP_DATABASE_URL,
    APP_DATABASE_URL: source.APP_DATABASE_URL || undefined,
    COOKIE_SECURE: source.COOKIE_SECURE ?? (source.NODE_ENV === "production" ? "true" : "false"),
  });
  if (result.success) return { ...result.data, PUBLIC_URL: result.data.PUBLIC_URL ?? `http://localhost:${result.data.PORT}` };
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid server environment:\n${lines.join("\n")}`);
}
