import type { Tx } from "@stockroom/db";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";

type Reader = Deps["db"] | Tx;

/** Records of another producer are indistinguishable from missing ones. */
export async function findOwnedProduct(db: Reader, actor: StaffActor, productId: string) {
  const scope = scopeProducerId(actor);
  const product = await db.product.findFirst({ where: { id: productId, ...(scope ? { producerId: scope } : {}) } });
  if (!product) throw notFound("Product");
  return product;
}

export async function findOwnedLot(db: Reader, actor: StaffActor, lotId: string) {
  const scope = scopeProducerId(actor);
  const lot = await db.lot.findFirst({ where: { id: lotId, ...(scope ? { producerId: scope } : {}) }, include: { product: true, location: true } });
  if (!lot) throw notFound("Lot");
  return lot;
}

export async function findOwnedLocation(db: Reader, producerId: string, locationId: string) {
  const location = await db.location.findFirst({ where: { id: locationId, producerId } });
  if (!location) throw notFound("Location");
  return location;
}

export function actorLabel(actor: StaffActor): string {
  return actor.apiKeyId ? `apikey:${actor.apiKeyId}` : `staff:${actor.staffId}`;
}
