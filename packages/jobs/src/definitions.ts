import { z } from "zod";

/**
 * Every job the system runs: dotted name -> payload schema and version. The api/domain send them,
 * the worker handles them; both sides parse payloads with these schemas.
 */
export const JOB_DEFINITIONS = {
  /** Deletes expired staff sessions and old login attempts. Scheduled hourly by the worker. */
  "auth.purge-expired-sessions": {
    version: 1,
    payload: z.object({ loginAttemptRetentionHours: z.number().int().positive().default(24) }),
  },
  /** Scheduled at a hold's expiresAt, in the hold's own transaction: releases it if still due. */
  "hold.expire": {
    version: 1,
    payload: z.object({ holdIds: z.array(z.string().uuid()).min(1).max(100) }),
  },
  /** Every minute: releases any due hold the per-hold jobs missed. */
  "hold.sweep": {
    version: 1,
    payload: z.object({}),
  },
} as const;

export type JobName = keyof typeof JOB_DEFINITIONS;
export type JobPayload<N extends JobName> = z.input<(typeof JOB_DEFINITIONS)[N]["payload"]>;
export type ParsedJobPayload<N extends JobName> = z.output<(typeof JOB_DEFINITIONS)[N]["payload"]>;
export const JOB_NAMES = Object.keys(JOB_DEFINITIONS) as JobName[];

export function parseJobPayload<N extends JobName>(name: N, data: unknown): ParsedJobPayload<N> {
  return JOB_DEFINITIONS[name].payload.parse(data) as ParsedJobPayload<N>;
}
