import { z } from "zod";

/** The largest value a Postgres `integer` column holds: every whole-number input stays at or below it. */
export const PG_INT_MAX = 2_147_483_647;
/** The most cents any price or cost may be (10 million in the currency): far below PG_INT_MAX. */
export const MAX_MONEY_CENTS = 1_000_000_000;
/** The deepest page a paged list serves (offset pages; the page size bounds each one). */
export const MAX_PAGE = 10_000;
/** The longest date range a report covers (two years, a leap day included). */
export const MAX_RANGE_DAYS = 731;

const DAY_MS = 86_400_000;

function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** A calendar day as the API sends it: YYYY-MM-DD and a day that exists (2026-02-31 is refused). */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.")
  .refine(isCalendarDay, "That day does not exist.");

/** The days from `from` to `to`, both YYYY-MM-DD (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A report range: real days, from <= to, at most MAX_RANGE_DAYS apart. Every range input uses these. */
export const dateRangeFields = { from: isoDay, to: isoDay };
export function checkDateRange(range: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = daysBetween(range.from, range.to);
  if (days < 0) ctx.addIssue({ code: "custom", path: ["from"], message: "The start date must be on or before the end date." });
  else if (days > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "Choose a range of at most two years." });
}

/** An optional client-chosen key: a retry with the same key and request gets the first answer. */
export const idempotencyKeySchema = z.string().min(8).max(200).optional();

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** Reports and lists a platform admin may narrow to one producer (producer staff always see their own). */
export const producerScopeInput = z.object({ producerId: z.string().uuid().optional() });
