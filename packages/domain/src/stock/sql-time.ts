/** Timestamps go to SQL as ISO strings cast to `timestamp` (Prisma stores DateTime as UTC). */
export function sqlTimestamp(date: Date): string {
  return date.toISOString();
}

/** The calendar day used for expiry ("expiry <= today" is not sellable), in UTC. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Timestamps read back from SQL's jsonb come without a zone; they are UTC. Returns ISO 8601. */
export function fromSqlTimestamp(value: string): string {
  return new Date(`${value}Z`).toISOString();
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return utcDay(date);
}
