import { randomBytes } from "node:crypto";
import type { Db } from "@stockroom/db";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { receiveLot } from "../stock/receive-lot.ts";
import { addDays, utcDay } from "../stock/sql-time.ts";
import { validateInventory } from "../stock/validate-inventory.ts";
import { actorFor, createProducer, createProduct, createStaff } from "./factories.ts";

export function newCartId(): string {
  return randomBytes(16).toString("base64url");
}

/** A producer with a sellable and a back-store location and a platform admin to act with. */
export async function createStockWorld(db: Db) {
  const producer = await createProducer(db);
  const shop = await db.location.create({ data: { producerId: producer.id, name: "Shop", isSellable: true, isCollectionPoint: true } });
  const backStore = await db.location.create({ data: { producerId: producer.id, name: "Back store", isSellable: false } });
  const admin: StaffActor = actorFor(await createStaff(db, { role: "PLATFORM_ADMIN" }));
  return { producer, shop, backStore, admin };
}

export async function productWithStock(
  deps: Deps,
  world: Awaited<ReturnType<typeof createStockWorld>>,
  lots: { quantity: number; expiryDate?: string | null; lotNumber?: string; locationId?: string; unitCostCents?: number }[],
  product: Parameters<typeof createProduct>[2] = {},
) {
  const created = await createProduct(deps.db, world.producer.id, product);
  const lotIds: string[] = [];
  const today = utcDay(deps.clock.now());
  for (const [index, lot] of lots.entries()) {
    // A lot that has expired by now was received while it was still good (receiving refuses expired lots).
    const expiry = lot.expiryDate;
    const receivedWhileGood = expiry && expiry <= today ? { ...deps, clock: { now: () => new Date(`${addDays(expiry, -1)}T09:00:00Z`) } } : deps;
    const result = await receiveLot(receivedWhileGood, world.admin, {
      productId: created.id,
      locationId: lot.locationId ?? world.shop.id,
      lotNumber: lot.lotNumber ?? `LOT-${index + 1}`,
      expiryDate: lot.expiryDate ?? null,
      unitCostCents: lot.unitCostCents ?? 100,
      quantity: lot.quantity,
    });
    lotIds.push(result.lotId);
  }
  return { product: created, lotIds };
}

export async function expectValidInventory(db: Db, now: Date): Promise<void> {
  const problems = await validateInventory(db, now);
  if (problems.length > 0)
    throw new Error(`inventory invariants broken:\n${problems.map((p) => `${p.lotNumber ?? `product ${p.productId}`}: ${p.message}`).join("\n")}`);
}
