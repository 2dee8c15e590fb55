import { collectionPointsInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";

export interface ProducerCollectionPoints {
  producerId: string;
  producerName: string;
  locations: { id: string; name: string }[];
}

/** Public: where a cart's goods can be collected, per producer of its products (active collection points only). */
export async function listCollectionPoints(deps: Deps, input: z.input<typeof collectionPointsInput>): Promise<ProducerCollectionPoints[]> {
  const { productIds } = parseInput(collectionPointsInput, input);
  const producers = await deps.db.producer.findMany({
    where: { products: { some: { id: { in: productIds } } }, suspendedAt: null },
    select: {
      id: true,
      name: true,
      locations: { where: { isCollectionPoint: true, archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
    orderBy: { name: "asc" },
  });
  return producers.map((p) => ({ producerId: p.id, producerName: p.name, locations: p.locations }));
}
