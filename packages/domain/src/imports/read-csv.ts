import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { DomainError } from "../errors.ts";

/** The uploaded file: a request stream, or chunks (tests, benchmarks). */
export type ImportSource = AsyncIterable<Buffer | string> | Iterable<Buffer | string> | Readable;

export interface CsvRow {
  /** 1-based line number of the row in the file (the header is line 1). */
  line: number;
  /** Cells by header name (lower-cased, trimmed). */
  cells: Record<string, string>;
}

/** `;` when the header line has more semicolons than commas (Excel in many locales), else `,`. */
export function detectDelimiter(headerLine: string): ";" | "," {
  const count = (c: string) => headerLine.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/**
 * Streams a CSV through csv-parse: UTF-8 with or without BOM, `,` or `;` from the header line,
 * Excel's quoting ("" inside quoted cells, line breaks in quotes). Yields rows one at a time, so
 * memory stays flat whatever the file's size; `digest()` is the sha256 of the bytes once read.
 */
export function readCsv(source: ImportSource, options: { maxRows: number; onHeader: (header: string[]) => void }) {
  const { maxRows, onHeader } = options;
  const hash = createHash("sha256");
  let digest: string | null = null;
  async function* bytes() {
    for await (const chunk of source) {
      const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      hash.update(buf);
      yield buf;
    }
    digest = hash.digest("hex");
  }
  async function* rows(): AsyncGenerator<CsvRow> {
    const iterator = bytes();
    const first: Buffer[] = [];
    let head = "";
    // Read until the header line is complete (or the file ends) to choose the delimiter.
    while (!head.includes("\n")) {
      const next = await iterator.next();
      if (next.done) break;
      first.push(next.value);
      head += next.value.toString("utf8");
      if (head.length > 1_000_000) break;
    }
    const parser = parse({ bom: true, delimiter: detectDelimiter(head.split("\n")[0] ?? ""), relax_column_count: true, skip_empty_lines: true, info: true });
    const feed = (async () => {
      try {
        for (const b of first) if (!parser.write(b)) await new Promise((r) => parser.once("drain", r));
        for await (const b of { [Symbol.asyncIterator]: () => iterator }) if (!parser.write(b)) await new Promise((r) => parser.once("drain", r));
        parser.end();
      } catch (error) {
        parser.destroy(error as Error);
      }
    })();
    let header: string[] | null = null;
    let count = 0;
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (!header) {
          header = record.map((h) => h.trim().toLowerCase());
          onHeader(header);
          continue;
        }
        if (++count > maxRows)
          throw new DomainError("VALIDATION_FAILED", `The file has more than ${maxRows} rows; split it.`, { fields: { file: "too many rows" } });
        const cells: Record<string, string> = {};
        header.forEach((name, i) => {
          const value = (record[i] ?? "").trim();
          // Our exports guard formula-like text with a leading ' (safe-csv.ts): read it back as written.
          cells[name] = /^'[=+\-@]/.test(value) ? value.slice(1) : value;
        });
        // info.lines is the line the record ends on; a quoted cell may span lines.
        const inner = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
        yield { line: info.lines - inner, cells };
      }
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const message = (error as { message?: string }).message ?? "unreadable";
      throw new DomainError("VALIDATION_FAILED", `The file is not a readable CSV: ${message}`, { fields: { file: message }, cause: error });
    } finally {
      parser.destroy();
    }
    await feed;
    if (!header) throw new DomainError("VALIDATION_FAILED", "The file is empty: it needs a header line.", { fields: { file: "empty" } });
  }
  return {
    rows,
    digest: () => {
      if (!digest) throw new Error("readCsv: digest asked before the file was read");
      return digest;
    },
  };
}
