import { locationIdInput, updateLocationInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { locationView } from "./product-view.ts";

async function findOwned(deps: Deps, actor: StaffActor, locationId: string) {
  const scope = scopeProducerId(actor);
  const location = await deps.db.location.findFirst({ where: { id: locationId, ...(scope ? { producerId: scope } : {}) } });
  if (!location) throw notFound("Location");
  return location;
}

/**
 * Rename, make sellable or not, or offer it to customers as a collection point (audited); the
 * quarantine location is never sellable (a CHECK says so too) nor a collection point.
 */
export async function updateLocation(deps: Deps, actor: StaffActor, input: z.input<typeof updateLocationInput>) {
  const { locationId, ...data } = parseInput(updateLocationInput, input);
  const location = await findOwned(deps, actor, locationId);
  if (location.isQuarantine && data.isSellable)
    throw new DomainError("VALIDATION_FAILED", "The quarantine location cannot be sellable.", {
      fields: { isSellable: "The quarantine location cannot be sellable." },
    });
  if (location.isQuarantine && data.isCollectionPoint)
    throw new DomainError("VALIDATION_FAILED", "Customers cannot collect from the quarantine location.", {
      fields: { isCollectionPoint: "Customers cannot collect from the quarantine location." },
    });
  const updated = await deps.db
    .$transaction(async (tx) => {
      const row = await tx.location.update({ where: { id: locationId }, data });
      if (data.isCollectionPoint !== undefined && data.isCollectionPoint !== location.isCollectionPoint)
        await recordAudit(tx, {
          action: "location.collection_point_changed",
          producerId: location.producerId,
          actor,
          target: { type: "location", id: locationId },
          details: { name: row.name, from: location.isCollectionPoint, to: data.isCollectionPoint },
          at: deps.clock.now(),
        });
      return row;
    })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === "P2002")
        throw new DomainError("VALIDATION_FAILED", "A location with this name exists.", {
          fields: { name: "A location with this name exists." },
          cause: error,
        });
      throw error;
    });
  return locationView(updated);
}

/**
 * Only an empty location may be archived: one conditional statement, so stock received at the same
 * moment either lands first (and the archive is refused) or finds the location archived.
 */
export async function archiveLocation(deps: Deps, actor: StaffActor, input: z.input<typeof locationIdInput>) {
  const { locationId } = parseInput(locationIdInput, input);
  const location = await findOwned(deps, actor, locationId);
  if (location.archivedAt) return locationView(location);
  const archived = await deps.db.$queryRaw<{ id: string }[]>`
    UPDATE "Location" SET "archivedAt" = ${deps.clock.now()}
    WHERE id = ${locationId}::uuid AND NOT EXISTS (SELECT 1 FROM "Lot" WHERE "locationId" = ${locationId}::uuid AND "onHand" > 0)
    RETURNING id`;
  if (archived.length === 0) throw new DomainError("CONFLICT", "This location still holds stock: move or write it off first.", { details: { locationId } });
  return locationView(await findOwned(deps, actor, locationId));
}

export async function restoreLocation(deps: Deps, actor: StaffActor, input: z.input<typeof locationIdInput>) {
  const { locationId } = parseInput(locationIdInput, input);
  await findOwned(deps, actor, locationId);
  return locationView(await deps.db.location.update({ where: { id: locationId }, data: { archivedAt: null } }));
}
