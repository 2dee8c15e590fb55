import type { Import, Tx } from "@stockroom/db";
import { enqueueLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Deps } from "../deps.ts";
import { isDomainError } from "../errors.ts";
import { can } from "../permissions.ts";
import { lockProducts } from "../stock/apply-movement.ts";
import { applyProductChunk, applyStockChunk } from "./apply-import-chunk.ts";

const CHUNK = 1_000;
const IMPORT_TX = { maxWait: 15_000, timeout: 30 * 60_000 } as const;

class ImportCancelled extends Error {}

/**
 * The `imports.apply` job: re-classifies the staged rows against the database inside ONE
 * transaction (products locked in id order first, like holds, so an import cannot deadlock with
 * them) and applies them chunk by chunk, writing progress to the Import row from outside the
 * transaction. Nothing is visible until the whole file has been applied; a failure, a cancel or a
 * killed worker leaves nothing half-applied, and the retry starts over. DONE/CANCELLED: a no-op.
 */
export async function runImportApply(deps: Deps, input: { importId: string }): Promise<void> {
  const found = await deps.db.import.findUnique({ where: { id: input.importId } });
  if (!found || (found.status !== "QUEUED" && found.status !== "RUNNING")) return;
  await deps.db.import.update({ where: { id: found.id }, data: { status: "RUNNING", startedAt: deps.clock.now(), doneRows: 0 } });
  const staffId = found.createdBy.replace(/^staff:/, "");
  const staff = await deps.db.staff.findUnique({ where: { id: staffId } });
  const actor = staff ? ({ kind: "staff", staffId, email: staff.email, name: staff.name, role: staff.role, producerId: staff.producerId } as const) : null;
  const capabilities = { adjust: actor ? can(actor, "stock.adjust") : false, costs: actor ? can(actor, "costs.view") : false };
  const totals = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  try {
    await deps.db.$transaction(async (tx) => {
      await lockImportProducts(tx, found);
      let after = 0;
      let done = 0;
      for (;;) {
        const rows = await tx.importRow.findMany({ where: { importId: found.id, line: { gt: after } }, orderBy: { line: "asc" }, take: CHUNK });
        if (rows.length === 0) break;
        after = rows[rows.length - 1]?.line ?? after;
        const staged = rows.filter((r) => r.valid).map((r) => ({ line: r.line, row: r.data as never }));
        const outcome = found.kind === "PRODUCTS" ? await applyProductChunk(tx, found, staged) : await applyStockChunk(deps, tx, found, capabilities, staged);
        for (const key of ["created", "updated", "unchanged", "skipped"] as const) totals[key] += outcome[key];
        if (outcome.productIds.length) await enqueueLowStockChecks(deps, tx, outcome.productIds);
        done += rows.length;
        const progress = await deps.db.import.updateMany({ where: { id: found.id, status: "RUNNING" }, data: { doneRows: done } });
        if (progress.count === 0) throw new ImportCancelled();
      }
    }, IMPORT_TX);
  } catch (error) {
    if (error instanceof ImportCancelled) return;
    if (!isDomainError(error)) {
      // Lost connection, timeout, crash: the job is retried (pg-boss), so the import goes back to QUEUED.
      await deps.db.import.update({ where: { id: found.id }, data: { status: "QUEUED", doneRows: 0, message: "Interrupted; retrying. Nothing was applied." } });
      throw error;
    }
    await deps.db.import.update({
      where: { id: found.id },
      data: { status: "FAILED", finishedAt: deps.clock.now(), doneRows: 0, message: `${error.userMessage} Nothing was applied.` },
    });
    return;
  }
  // The staged rows have served their purpose (the report keeps the counts and errors).
  await deps.db.importRow.deleteMany({ where: { importId: found.id } });
  await deps.db.import.update({
    where: { id: found.id },
    data: {
      status: "DONE",
      finishedAt: deps.clock.now(),
      doneRows: found.totalRows,
      message: `Applied: ${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged, ${found.invalidCount + totals.skipped} skipped.`,
    },
  });
}

async function lockImportProducts(tx: Tx, found: Import) {
  if (found.kind !== "STOCK") return;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT p.id FROM "ImportRow" r JOIN "Product" p ON p."producerId" = ${found.producerId}::uuid AND p.sku = r.data->>'sku'
    WHERE r."importId" = ${found.id}::uuid AND r.valid ORDER BY p.id`;
  await lockProducts(
    tx,
    rows.map((r) => r.id),
  );
}
