import { createLocationInput, listLocationsInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { locationView } from "./product-view.ts";

export async function listLocations(deps: Deps, actor: StaffActor, input: z.input<typeof listLocationsInput>) {
  const { producerId, includeArchived } = parseInput(listLocationsInput, input);
  const scope = scopeProducerId(actor, producerId);
  const rows = await deps.db.location.findMany({
    where: { ...(scope ? { producerId: scope } : {}), ...(includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ producerId: "asc" }, { name: "asc" }],
  });
  return rows.map(locationView);
}

export async function createLocation(deps: Deps, actor: StaffActor, input: z.input<typeof createLocationInput>) {
  const { producerId, ...data } = parseInput(createLocationInput, input);
  const scope = scopeProducerId(actor, producerId);
  if (!scope) throw new DomainError("VALIDATION_FAILED", "Choose the producer.", { fields: { producerId: "required for platform admins" } });
  const location = await deps.db.location.create({ data: { ...data, producerId: scope } }).catch((error: unknown) => {
    if ((error as { code?: string }).code === "P2002")
      throw new DomainError("CONFLICT", "A location with this name exists.", { fields: { name: "already used" } });
    throw error;
  });
  return locationView(location);
}
