/** Report ranges are calendar days (YYYY-MM-DD), as the server takes them. */
export { isoDay } from "@stockroom/contracts";

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function addDaysIso(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The last 30 days, today included: the default range of every report. */
function defaultRange(): { from: string; to: string } {
  const to = todayIso();
  return { from: addDaysIso(to, -29), to };
}

/** The range a report asks for: the URL's dates, or the last 30 days, with the ends swapped into order. */
export function resolveRange(search: { from?: string; to?: string }): { from: string; to: string } {
  const fallback = defaultRange();
  const from = search.from ?? (search.to ? addDaysIso(search.to, -29) : fallback.from);
  const to = search.to ?? (search.from ? addDaysIso(search.from, 29) : fallback.to);
  return from <= to ? { from, to } : { from: to, to: from };
}

/** Every day (or Monday-started week) from `from` to `to`, so charts show gaps as zeros rather than skipping them. */
export function periodsBetween(from: string, to: string, bucket: "day" | "week"): string[] {
  let cursor = from;
  if (bucket === "week") {
    const weekday = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0, like Postgres date_trunc('week')
    cursor = addDaysIso(from, -weekday);
  }
  const step = bucket === "week" ? 7 : 1;
  const periods: string[] = [];
  while (cursor <= to && periods.length < 1000) {
    periods.push(cursor);
    cursor = addDaysIso(cursor, step);
  }
  return periods;
}
