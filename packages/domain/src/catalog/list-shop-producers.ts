import type { Deps } from "../deps.ts";

/** The storefront's producer filter: public fields of producers with a product on sale, by name. */
export async function listShopProducers(deps: Deps): Promise<{ name: string; slug: string }[]> {
  return deps.db.producer.findMany({
    where: { products: { some: { archivedAt: null } } },
    select: { name: true, slug: true },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
  });
}
