import { exportMovementsInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { can, requirePermission } from "../permissions.ts";
import { findOwnedProduct } from "../stock/find-owned.ts";
import { addDays } from "../stock/sql-time.ts";
import { parseInput } from "../validation.ts";
import { type CsvCell, type CsvExport, money } from "./export-inventory.ts";

const PAGE = 1_000;

/** The ledger between two days (inclusive, UTC), oldest first, walked by id; unit_cost only with costs.view. */
export async function exportMovements(deps: Deps, actor: StaffActor, input: z.input<typeof exportMovementsInput>): Promise<CsvExport> {
  requirePermission(actor, "catalog.view");
  const q = parseInput(exportMovementsInput, input);
  const scope = scopeProducerId(actor, q.producerId);
  if (q.productId) await findOwnedProduct(deps.db, actor, q.productId);
  const costs = can(actor, "costs.view");
  const columns = ["id", "created_at", "type", "sku", "lot_number", "location", "quantity", "previous_on_hand", "new_on_hand", "unit_cost"]
    .concat(["reason", "actor", "reference_type", "reference_id"])
    .filter((c) => costs || c !== "unit_cost");
  const where = {
    ...(scope ? { producerId: scope } : {}),
    ...(q.productId ? { productId: q.productId } : {}),
    createdAt: { gte: new Date(`${q.from}T00:00:00Z`), lt: new Date(`${addDays(q.to, 1)}T00:00:00Z`) },
  };
  return {
    columns,
    async *rows() {
      let after: bigint | undefined;
      for (;;) {
        const page = await deps.db.movement.findMany({
          where: { ...where, ...(after !== undefined ? { id: { gt: after } } : {}) },
          orderBy: { id: "asc" },
          take: PAGE,
          include: { product: { select: { sku: true } }, lot: { select: { lotNumber: true, location: { select: { name: true } } } } },
        });
        if (page.length === 0) return;
        after = page[page.length - 1]?.id;
        for (const m of page) {
          const all: Record<string, CsvCell> = {
            id: m.id.toString(),
            created_at: m.createdAt.toISOString(),
            type: m.type,
            sku: m.product.sku,
            lot_number: m.lot.lotNumber,
            location: m.lot.location.name,
            quantity: m.quantity,
            previous_on_hand: m.previousOnHand,
            new_on_hand: m.newOnHand,
            unit_cost: money(m.unitCostCents),
            reason: m.reason,
            actor: m.actor,
            reference_type: m.referenceType ?? "",
            reference_id: m.referenceId ?? "",
          };
          yield columns.map((c) => all[c] ?? "");
        }
      }
    },
  };
}
