import { listProductsInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";
import { imageView } from "./product-view.ts";

export async function listProducts(deps: Deps, actor: StaffActor, input: z.input<typeof listProductsInput>) {
  const { producerId, search, category, status, limit } = parseInput(listProductsInput, input);
  const scope = scopeProducerId(actor, producerId);
  const items = await deps.db.product.findMany({
    where: {
      ...(scope ? { producerId: scope } : {}),
      archivedAt: status === "ARCHIVED" ? { not: null } : null,
      ...(category ? { category } : {}),
      ...(search ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { sku: { contains: search, mode: "insensitive" } }] } : {}),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
    include: { producer: { select: { name: true } }, images: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], take: 1 } },
  });
  return items.map((p) => ({
    id: p.id,
    sku: p.sku,
    slug: p.slug,
    name: p.name,
    category: p.category,
    priceCents: p.priceCents,
    unitCostCents: p.unitCostCents,
    minStockLevel: p.minStockLevel,
    trackInventory: p.trackInventory,
    maxPerCart: p.maxPerCart,
    archivedAt: p.archivedAt?.toISOString() ?? null,
    thumbnail: p.images[0] ? imageView(p.images[0]) : null,
    producerId: p.producerId,
    producerName: p.producer.name,
  }));
}
