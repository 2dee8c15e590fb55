import { listMovementsInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { apiKeyLabel } from "../integrations/api-key-secret.ts";
import { parseInput } from "../validation.ts";
import { movementView } from "./apply-movement.ts";
import { findOwnedLot, findOwnedProduct } from "./find-owned.ts";

const DAY_MS = 86_400_000;

/** Which producer's whole ledger to list when no product or lot narrows it. */
function producerOf(actor: StaffActor, producerId: string | undefined): string {
  const scope = scopeProducerId(actor, producerId);
  if (!scope)
    throw new DomainError("VALIDATION_FAILED", "Give a product, a lot or a producer.", { fields: { productId: "required without lotId or producerId" } });
  return scope;
}

/** Staff names and API key labels for the actors of a page (`staff:<id>`, `apikey:<id>`). */
async function actorNames(deps: Deps, actors: string[]): Promise<Map<string, string>> {
  const idsOf = (kind: string) => [...new Set(actors.filter((a) => a.startsWith(`${kind}:`)).map((a) => a.slice(kind.length + 1)))];
  const [staff, keys] = await Promise.all([
    deps.db.staff.findMany({ where: { id: { in: idsOf("staff") } }, select: { id: true, name: true } }),
    deps.db.apiKey.findMany({ where: { id: { in: idsOf("apikey") } }, select: { id: true, name: true, prefix: true } }),
  ]);
  return new Map([...staff.map((s) => [`staff:${s.id}`, s.name] as const), ...keys.map((k) => [`apikey:${k.id}`, apiKeyLabel(k)] as const)]);
}

/** A product's, a lot's or a producer's ledger, newest first, keyset-paginated; optionally one type and a range of days. */
export async function listMovements(deps: Deps, actor: StaffActor, input: z.input<typeof listMovementsInput>) {
  const { producerId, productId, lotId, type, from, to, cursor, limit } = parseInput(listMovementsInput, input);
  if (lotId) await findOwnedLot(deps.db, actor, lotId);
  if (productId) await findOwnedProduct(deps.db, actor, productId);
  const producerScope = productId || lotId ? {} : { producerId: producerOf(actor, producerId) };
  const createdAt = {
    ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
    ...(to ? { lt: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) } : {}),
  };
  const rows = await deps.db.movement.findMany({
    where: {
      ...producerScope,
      ...(lotId ? { lotId } : {}),
      ...(productId ? { productId } : {}),
      ...(type ? { type } : {}),
      ...(from || to ? { createdAt } : {}),
      ...(cursor ? { id: { lt: BigInt(cursor) } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    include: { lot: { select: { lotNumber: true } } },
  });
  const page = rows.slice(0, limit);
  const names = await actorNames(
    deps,
    page.map((m) => m.actor),
  );
  return {
    items: page.map((m) => ({
      ...movementView(m),
      lotNumber: m.lot.lotNumber,
      actor: m.actor,
      /** Who, readable: the staff member's name, the API key, or "System" for jobs and tools. */
      actorName: names.get(m.actor) ?? (m.actor.startsWith("staff:") ? "Former staff" : "System"),
      referenceType: m.referenceType,
      referenceId: m.referenceId,
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
