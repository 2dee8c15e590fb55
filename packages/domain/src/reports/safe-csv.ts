import { stringify } from "csv-stringify/sync";

/** Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A text cell a spreadsheet shows as text: one that would start a formula gets a leading `'`. */
export function formulaSafeCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** CSV (RFC 4180, via csv-stringify) with a header row; every text cell is formula-safe. Use for every export. */
export function safeCsv(rows: (string | number)[][], columns: string[]): string {
  return stringify(rows, { header: true, columns, cast: { string: formulaSafeCell } });
}
