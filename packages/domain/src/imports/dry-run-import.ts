import { IMPORT_COLUMNS, MAX_IMPORT_ERRORS_KEPT, MAX_IMPORT_ROWS, OPTIONAL_IMPORT_COLUMNS, startImportInput } from "@stockroom/contracts";
import type { Prisma } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { can, requirePermission } from "../permissions.ts";
import { actorLabel } from "../stock/find-owned.ts";
import { utcDay } from "../stock/sql-time.ts";
import { parseInput } from "../validation.ts";
import { classifyProductRows } from "./classify-product-rows.ts";
import { classifyStockRows, type RowProblem } from "./classify-stock-rows.ts";
import { getImport } from "./get-import.ts";
import { parseProductRow, parseStockRow } from "./parse-import-row.ts";
import { type CsvRow, type ImportSource, readCsv } from "./read-csv.ts";

const CHUNK = 1_000;

/**
 * Upload -> dry run: streams the CSV, validates every row, classifies it against the database
 * (create / update / unchanged) and stages it. Writes nothing but the Import row and its staged
 * rows; applying is `requestImportApply`.
 */
export async function dryRunImport(deps: Deps, actor: StaffActor, input: z.input<typeof startImportInput>, source: ImportSource) {
  const { kind, fileName, producerId: requested } = parseInput(startImportInput, input);
  requirePermission(actor, kind === "PRODUCTS" ? "catalog.edit" : "stock.receive");
  const producerId = scopeProducerId(actor, requested);
  if (!producerId) throw new DomainError("VALIDATION_FAILED", "Choose the producer.", { fields: { producerId: "required for platform admins" } });
  if (!(await deps.db.producer.findUnique({ where: { id: producerId }, select: { id: true } }))) throw new DomainError("NOT_FOUND", "Producer not found.");
  const capabilities = { adjust: can(actor, "stock.adjust"), costs: can(actor, "costs.view") };
  const record = await deps.db.import.create({ data: { producerId, kind, fileName, sha256: "", createdBy: actorLabel(actor) } });
  const counts = { totalRows: 0, createCount: 0, updateCount: 0, unchangedCount: 0, invalidCount: 0 };
  const errors: RowProblem[] = [];
  const seen = new Map<string, number>();

  async function flush(chunk: CsvRow[]) {
    const problems: RowProblem[] = [];
    const valid: { line: number; row: never }[] = [];
    for (const { line, cells } of chunk) {
      const parsed = kind === "PRODUCTS" ? parseProductRow(cells) : parseStockRow(cells);
      if (!parsed.ok) {
        problems.push({ line, column: parsed.column, reason: parsed.reason });
        continue;
      }
      const d = parsed.data as { sku: string; location?: string; lotNumber?: string };
      const key = kind === "PRODUCTS" ? d.sku : `${d.sku}|${d.location?.toLowerCase()}|${d.lotNumber}`;
      const first = seen.get(key);
      if (first !== undefined) problems.push({ line, column: kind === "PRODUCTS" ? "sku" : "lot_number", reason: `duplicate of line ${first}` });
      else {
        seen.set(key, line);
        valid.push({ line, row: parsed.data as never });
      }
    }
    const classified =
      kind === "PRODUCTS"
        ? await classifyProductRows(deps.db, producerId as string, valid)
        : await classifyStockRows(deps.db, producerId as string, capabilities, valid, utcDay(deps.clock.now()));
    const actions = "classified" in classified ? classified.classified : classified;
    if ("problems" in classified) problems.push(...classified.problems);
    for (const { action } of actions) counts[action === "CREATE" ? "createCount" : action === "UPDATE" ? "updateCount" : "unchangedCount"]++;
    counts.invalidCount += problems.length;
    counts.totalRows += chunk.length;
    problems.sort((a, b) => a.line - b.line);
    errors.push(...problems.slice(0, Math.max(0, MAX_IMPORT_ERRORS_KEPT - errors.length)));
    const invalidLines = new Set(problems.map((p) => p.line));
    const rowByLine = new Map(valid.map((v) => [v.line, v.row]));
    await deps.db.importRow.createMany({
      data: chunk.map(({ line }) => {
        const ok = !invalidLines.has(line);
        return { importId: record.id, line, valid: ok, data: ok ? (rowByLine.get(line) as unknown as Prisma.InputJsonValue) : undefined };
      }),
    });
  }

  try {
    const csv = readCsv(source, { maxRows: MAX_IMPORT_ROWS, onHeader: (header) => checkHeader(kind, header) });
    let chunk: CsvRow[] = [];
    for await (const row of csv.rows()) {
      chunk.push(row);
      if (chunk.length >= CHUNK) {
        await flush(chunk);
        chunk = [];
      }
    }
    if (chunk.length) await flush(chunk);
    const sha256 = csv.digest();
    const applied = await deps.db.import.findFirst({ where: { producerId, kind, sha256, status: "DONE" }, orderBy: { finishedAt: "asc" } });
    const message = applied ? `This file was already applied on ${applied.finishedAt?.toISOString().slice(0, 10)}: applying it again changes nothing.` : null;
    await deps.db.import.update({ where: { id: record.id }, data: { ...counts, sha256, errors: errors as unknown as Prisma.InputJsonValue, message } });
  } catch (error) {
    await deps.db.import.delete({ where: { id: record.id } });
    throw error;
  }
  return getImport(deps, actor, { importId: record.id });
}

function checkHeader(kind: "PRODUCTS" | "STOCK", header: string[]) {
  const missing = IMPORT_COLUMNS[kind].filter((c) => !OPTIONAL_IMPORT_COLUMNS.includes(c) && !header.includes(c));
  if (missing.length)
    throw new DomainError("VALIDATION_FAILED", `The header line lacks the column(s) ${missing.join(", ")}. Download the template to see them.`, {
      fields: Object.fromEntries(missing.map((c) => [c, "missing column"])),
    });
}
