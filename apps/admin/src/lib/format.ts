import { formatMoney } from "@stockroom/ui";

const integer = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const shortDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

export function formatCount(value: number): string {
  return integer.format(value);
}

export function formatDecimal(value: number): string {
  return decimal.format(value);
}

export function formatPercent(rate: number): string {
  return percent.format(rate);
}

/** A calendar day from the server ("2026-03-14"): shown as that day everywhere, whatever the browser's zone. */
export function formatDay(isoDay: string): string {
  return day.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
}

export function formatShortDay(isoDay: string): string {
  return shortDay.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
}

/** A moment (ISO timestamp) in the browser's own time zone. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "3" / "-2" / "+5" for signed stock changes. */
export function formatSigned(value: number): string {
  return value > 0 ? `+${integer.format(value)}` : integer.format(value);
}

/** Money at cost, or a dash where the role may not see it. */
export function formatCost(cents: number | null): string {
  return cents === null ? "—" : formatMoney(cents);
}

/** The total of costs, or null when the role may not see them. */
export function sumCosts(values: (number | null)[]): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return total;
}
