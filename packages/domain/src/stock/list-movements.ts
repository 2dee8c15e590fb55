import { listMovementsInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { movementView } from "./apply-movement.ts";
import { findOwnedLot, findOwnedProduct } from "./find-owned.ts";

/** A product's or a lot's ledger, newest first, keyset-paginated. */
export async function listMovements(deps: Deps, actor: StaffActor, input: z.input<typeof listMovementsInput>) {
  const { productId, lotId, cursor, limit } = parseInput(listMovementsInput, input);
  if (!productId && !lotId) throw new DomainError("VALIDATION_FAILED", "Give a product or a lot.", { fields: { productId: "required without lotId" } });
  if (lotId) await findOwnedLot(deps.db, actor, lotId);
  if (productId) await findOwnedProduct(deps.db, actor, productId);
  const rows = await deps.db.movement.findMany({
    where: { ...(lotId ? { lotId } : {}), ...(productId ? { productId } : {}), ...(cursor ? { id: { lt: BigInt(cursor) } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    include: { lot: { select: { lotNumber: true } } },
  });
  const page = rows.slice(0, limit);
  const staffIds = [
    ...new Set(
      page
        .map((m) => m.actor)
        .filter((a) => a.startsWith("staff:"))
        .map((a) => a.slice("staff:".length)),
    ),
  ];
  const staff = await deps.db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } });
  const names = new Map(staff.map((s) => [`staff:${s.id}`, s.name]));
  return {
    items: page.map((m) => ({
      ...movementView(m),
      lotNumber: m.lot.lotNumber,
      actor: m.actor,
      /** Who, readable: the staff member's name, or "System" for jobs and tools. */
      actorName: names.get(m.actor) ?? (m.actor.startsWith("staff:") ? "Former staff" : "System"),
      referenceType: m.referenceType,
      referenceId: m.referenceId,
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
