import { applyImportInput, importIdInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { requirePermission } from "../permissions.ts";
import { parseInput } from "../validation.ts";
import { findOwnedImport, getImport } from "./get-import.ts";

/**
 * Apply: queues the background job (`imports.apply`), in the same transaction as the status change.
 * A second click, or an import already queued, running or done, changes nothing. With invalid rows
 * the apply is refused unless the user chose to skip them (otherwise it is all-or-nothing). The same
 * file already applied for this producer is marked DONE at once, saying so.
 */
export async function requestImportApply(deps: Deps, actor: StaffActor, input: z.input<typeof applyImportInput>) {
  const { importId, skipInvalid } = parseInput(applyImportInput, input);
  const found = await findOwnedImport(deps, actor, importId);
  requirePermission(actor, found.kind === "PRODUCTS" ? "catalog.edit" : "stock.receive");
  if (found.status !== "VALIDATED" && found.status !== "FAILED") return getImport(deps, actor, { importId });
  if (found.invalidCount > 0 && !skipInvalid)
    throw new DomainError("CONFLICT", `${found.invalidCount} row(s) are invalid: fix them and upload again, or choose to skip invalid rows.`, {
      fields: { skipInvalid: `${found.invalidCount} invalid row(s)` },
    });
  const applied = await deps.db.import.findFirst({
    where: { producerId: found.producerId, kind: found.kind, sha256: found.sha256, status: "DONE", id: { not: found.id } },
    orderBy: { finishedAt: "asc" },
  });
  const now = deps.clock.now();
  if (applied) {
    await deps.db.import.update({
      where: { id: found.id },
      data: {
        status: "DONE",
        skipInvalid,
        doneRows: found.totalRows,
        startedAt: now,
        finishedAt: now,
        message: `Nothing changed: this file was already applied on ${applied.finishedAt?.toISOString().slice(0, 10)} (import ${applied.id}).`,
      },
    });
  } else {
    await deps.db.$transaction(async (tx) => {
      const claimed = await tx.import.updateMany({
        where: { id: found.id, status: { in: ["VALIDATED", "FAILED"] } },
        data: { status: "QUEUED", skipInvalid, doneRows: 0, message: null },
      });
      if (claimed.count === 1) await deps.jobs.send("imports.apply", { importId: found.id }, { tx });
    });
  }
  return getImport(deps, actor, { importId });
}

/** Cancels a queued or running import: the running apply rolls back at its next chunk. */
export async function cancelImport(deps: Deps, actor: StaffActor, input: z.input<typeof importIdInput>) {
  const { importId } = parseInput(importIdInput, input);
  const found = await findOwnedImport(deps, actor, importId);
  requirePermission(actor, found.kind === "PRODUCTS" ? "catalog.edit" : "stock.receive");
  await deps.db.import.updateMany({
    where: { id: found.id, status: { in: ["VALIDATED", "QUEUED", "RUNNING"] } },
    data: { status: "CANCELLED", finishedAt: deps.clock.now(), message: "Cancelled: nothing was applied." },
  });
  return getImport(deps, actor, { importId });
}
