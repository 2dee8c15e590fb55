import { z } from "zod";

const seedFlag = z
  .enum(["1", "0", "true", "false"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "1" || v === "true"));

const schema = z.object({
  DATABASE_URL: z.string().url("must be a postgres:// URL, or unset to use the embedded Postgres").optional(),
  /** The app role's URL on that server (server and worker connect with it); unset: DATABASE_URL, with a warning. */
  APP_DATABASE_URL: z.string().url("must be a postgres:// URL for the app role, or unset").optional(),
  /** With DATABASE_URL: migrate creates the app role `stockroom_app` with this password (or sets it). */
  APP_DB_PASSWORD: z.string().min(12, "use at least 12 characters").optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Embedded Postgres data directory under .data/ (tests use their own). */
  STOCKROOM_CLUSTER: z
    .string()
    .regex(/^[a-z0-9-]+$/, "use a-z, 0-9 and -")
    .default("pg"),
  /** Unset: demo data only into the embedded database, never into a DATABASE_URL. 1/true: seed; 0/false: never. */
  SEED_DEMO: seedFlag,
  /** The older name of SEED_DEMO (still read; SEED_DEMO wins). */
  STOCKROOM_SEED_DEMO: seedFlag,
});

export type StartEnv = z.infer<typeof schema>;

/** SEED_DEMO, else STOCKROOM_SEED_DEMO, else undefined (the embedded database decides). */
export const seedDemoFlag = (env: StartEnv): boolean | undefined => env.SEED_DEMO ?? env.STOCKROOM_SEED_DEMO;

export function loadStartEnv(source: NodeJS.ProcessEnv = process.env): StartEnv {
  const result = schema.safeParse({
    ...source,
    DATABASE_URL: source.DATABASE_URL || undefined,
    APP_DATABASE_URL: source.APP_DATABASE_URL || undefined,
    APP_DB_PASSWORD: source.APP_DB_PASSWORD || undefined,
    SEED_DEMO: source.SEED_DEMO || undefined,
    STOCKROOM_SEED_DEMO: source.STOCKROOM_SEED_DEMO || undefined,
  });
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}
