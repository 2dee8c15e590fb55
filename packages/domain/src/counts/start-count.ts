import { startCountInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { DUE_PRODUCTS_SQL } from "./due-for-count.ts";

/**
 * Opens a count and snapshots, in one statement, every lot in scope that holds stock: its on hand,
 * its last movement (what moves later is what changed during the count) and its unit cost. A lot
 * already in another open count refuses the start (a partial unique index), naming it.
 */
export async function startCount(deps: Deps, actor: StaffActor, input: z.input<typeof startCountInput>) {
  const data = parseInput(startCountInput, input);
  const scope = scopeProducerId(actor, data.producerId);
  // A platform admin counting one location counts its producer's.
  const location = data.locationId ? await deps.db.location.findFirst({ where: { id: data.locationId, ...(scope ? { producerId: scope } : {}) } }) : null;
  if (data.locationId && !location) throw notFound("Location");
  const producerId = scope ?? location?.producerId;
  if (!producerId) throw new DomainError("VALIDATION_FAILED", "Choose the producer to count.", { fields: { producerId: "required" } });
  const now = deps.clock.now();
  try {
    return await deps.db.$transaction(async (tx) => {
      const session = await tx.countSession.create({
        data: {
          producerId,
          kind: data.kind,
          locationId: data.locationId ?? null,
          category: data.category ?? null,
          dueOnly: data.dueOnly,
          blind: data.blind,
          recountUnits: data.recountUnits,
          recountValueCents: data.recountValueCents,
          startedAt: now,
          startedBy: actor.staffId,
        },
      });
      const lines = await tx.$executeRaw`
        INSERT INTO "CountLine" (id, "sessionId", "lotId", "productId", "expectedOnHand", "snapshotMovementId", "unitCostCents")
        SELECT gen_random_uuid(), ${session.id}::uuid, l.id, l."productId", l."onHand",
               COALESCE((SELECT max(m.id) FROM "Movement" m WHERE m."lotId" = l.id), 0), l."unitCostCents"
        FROM "Lot" l JOIN "Product" p ON p.id = l."productId"
        WHERE l."producerId" = ${producerId}::uuid AND l."onHand" > 0 AND p."trackInventory"
          AND (${data.locationId ?? null}::uuid IS NULL OR l."locationId" = ${data.locationId ?? null}::uuid)
          AND (${data.category ?? null}::text IS NULL OR p.category = ${data.category ?? null}::text)
          AND (NOT ${data.dueOnly} OR l."productId" IN (${DUE_PRODUCTS_SQL(producerId, now)}))`;
      if (lines === 0) throw new DomainError("VALIDATION_FAILED", "Nothing in that scope holds stock to count.", { fields: { kind: "no lots in scope" } });
      return { sessionId: session.id, lines };
    });
  } catch (error) {
    throw (await alreadyCounted(deps, producerId, error)) ?? error;
  }
}

/** The open-count index refused a lot: name it and the count it is in. */
async function alreadyCounted(deps: Deps, producerId: string, error: unknown): Promise<DomainError | null> {
  if (!String((error as Error)?.message ?? "").includes("CountLine_lotId_open_key")) return null;
  return new DomainError("CONFLICT", "Some of these lots are already in an open count; finish or cancel it first.", {
    fields: { kind: "lots already being counted" },
    details: { openCounts: (await deps.db.countSession.findMany({ where: { producerId, status: "COUNTING" }, select: { id: true } })).map((s) => s.id) },
  });
}
