import { listProductsInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";
import { imageView } from "./product-view.ts";

/** The cursor of the page after `items` (a page of `limit` rows), or null when it was the last. */
export function nextProductsCursor(items: readonly { name: string; id: string }[], limit: number): string | null {
  const last = items.at(-1);
  return last && items.length >= limit ? encodeCursor([last.name, last.id]) : null;
}

/** Products by name, then id; `cursor` continues after the previous page's last product. */
export async function listProducts(deps: Deps, actor: StaffActor, input: z.input<typeof listProductsInput>) {
  const { producerId, search, category, status, limit, cursor } = parseInput(listProductsInput, input);
  const scope = scopeProducerId(actor, producerId);
  const after = cursor ? decodeCursor(cursor, ["string", "uuid"] as const) : null;
  const items = await deps.db.product.findMany({
    where: {
      ...(scope ? { producerId: scope } : {}),
      archivedAt: status === "ARCHIVED" ? { not: null } : null,
      ...(category ? { category } : {}),
      ...(search ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { sku: { contains: search, mode: "insensitive" } }] } : {}),
      ...(after ? { AND: [{ OR: [{ name: { gt: after[0] } }, { name: after[0], id: { gt: after[1] } }] }] } : {}),
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
