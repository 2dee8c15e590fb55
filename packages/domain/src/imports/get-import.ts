import { importIdInput, listImportsInput } from "@stockroom/contracts";
import type { Import } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";
import type { RowProblem } from "./classify-stock-rows.ts";

export function importView(i: Import) {
  return {
    id: i.id,
    producerId: i.producerId,
    kind: i.kind,
    fileName: i.fileName,
    status: i.status,
    skipInvalid: i.skipInvalid,
    totalRows: i.totalRows,
    createCount: i.createCount,
    updateCount: i.updateCount,
    unchangedCount: i.unchangedCount,
    invalidCount: i.invalidCount,
    doneRows: i.doneRows,
    errors: i.errors as unknown as RowProblem[],
    message: i.message,
    createdBy: i.createdBy,
    createdAt: i.createdAt.toISOString(),
    startedAt: i.startedAt?.toISOString() ?? null,
    finishedAt: i.finishedAt?.toISOString() ?? null,
  };
}
export type ImportView = ReturnType<typeof importView>;

export async function findOwnedImport(deps: Deps, actor: StaffActor, importId: string): Promise<Import> {
  const scope = scopeProducerId(actor);
  const found = await deps.db.import.findFirst({ where: { id: importId, ...(scope ? { producerId: scope } : {}) } });
  if (!found) throw notFound("Import");
  return found;
}

export async function getImport(deps: Deps, actor: StaffActor, input: z.input<typeof importIdInput>): Promise<ImportView> {
  const { importId } = parseInput(importIdInput, input);
  return importView(await findOwnedImport(deps, actor, importId));
}

/** The producer's last 50 imports, newest first. */
export async function listImports(deps: Deps, actor: StaffActor, input: z.input<typeof listImportsInput>): Promise<ImportView[]> {
  const scope = scopeProducerId(actor, parseInput(listImportsInput, input).producerId);
  const rows = await deps.db.import.findMany({ where: scope ? { producerId: scope } : {}, orderBy: { createdAt: "desc" }, take: 50 });
  return rows.map(importView);
}
