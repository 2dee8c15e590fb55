import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().url("must be a postgres:// URL, or unset to use the embedded Postgres").optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Embedded Postgres data directory under .data/ (tests use their own). */
  STOCKROOM_CLUSTER: z
    .string()
    .regex(/^[a-z0-9-]+$/, "use a-z, 0-9 and -")
    .default("pg"),
  STOCKROOM_SEED_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
});

export type StartEnv = z.infer<typeof schema>;

export function loadStartEnv(source: NodeJS.ProcessEnv = process.env): StartEnv {
  const result = schema.safeParse({ ...source, DATABASE_URL: source.DATABASE_URL || undefined });
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}
