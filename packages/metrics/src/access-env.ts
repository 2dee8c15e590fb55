import { z } from "zod";
import { DEFAULT_METRICS_ALLOW } from "./scrape-guard.ts";

/** The scrape access settings, the same for the server and the worker (their env schemas spread these). */
export const metricsAccessEnv = {
  /** A scrape sending `Authorization: Bearer <METRICS_TOKEN>` is allowed from anywhere. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Address ranges (comma-separated CIDRs) that may scrape without the token; loopback by default. */
  METRICS_ALLOW: z
    .string()
    .default(DEFAULT_METRICS_ALLOW.join(","))
    .transform((v) =>
      v
        .split(",")
        .map((r) => r.trim())
        .filter(Boolean),
    ),
};
