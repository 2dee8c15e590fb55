import { z } from "zod";

/** A calendar day as the API sends it. */
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.");

/** An optional client-chosen key: a retry with the same key and request gets the first answer. */
export const idempotencyKeySchema = z.string().min(8).max(200).optional();

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** Reports and lists a platform admin may narrow to one producer (producer staff always see their own). */
export const producerScopeInput = z.object({ producerId: z.string().uuid().optional() });
