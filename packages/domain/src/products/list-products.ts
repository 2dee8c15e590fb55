import { listProductsInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";

export async function listProducts(deps: Deps, actor: StaffActor, input: z.input<typeof listProductsInput>) {
  const { producerId, search, limit } = parseInput(listProductsInput, input);
  const scope = scopeProducerId(actor, producerId);
  const items = await deps.db.product.findMany({
    where: {
      ...(scope ? { producerId: scope } : {}),
      ...(search ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { sku: { contains: search, mode: "insensitive" } }] } : {}),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
    include: { producer: { select: { name: true } } },
  });
  return items.map((p) => ({
    id: p.id,
    sku: p.sku,
    name: p.name,
    category: p.category,
    priceCents: p.priceCents,
    unitCostCents: p.unitCostCents,
    minStockLevel: p.minStockLevel,
    trackInventory: p.trackInventory,
    maxPerCart: p.maxPerCart,
    producerId: p.producerId,
    producerName: p.producer.name,
  }));
}
