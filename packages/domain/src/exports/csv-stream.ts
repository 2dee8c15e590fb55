import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { formulaSafeCell } from "../reports/safe-csv.ts";
import type { CsvExport } from "./export-inventory.ts";

/** An export as a byte stream (RFC 4180, formula-safe text cells); rows are pulled as the reader drains it. */
export function csvStream(exp: CsvExport): Readable {
  return Readable.from(exp.rows()).pipe(stringify({ header: true, columns: exp.columns, cast: { string: formulaSafeCell } }));
}
