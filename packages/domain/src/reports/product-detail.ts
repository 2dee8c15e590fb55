import { productDetailInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { availabilityOf } from "../stock/availability.ts";
import { findOwnedProduct } from "../stock/find-owned.ts";
import { utcDay } from "../stock/sql-time.ts";
import { parseInput } from "../validation.ts";

type Band = "EXPIRED" | "DAYS_7" | "DAYS_30" | "DAYS_90";
function bandFor(daysLeft: number | null): Band | null {
  if (daysLeft === null) return null;
  if (daysLeft <= 0) return "EXPIRED";
  if (daysLeft <= 7) return "DAYS_7";
  if (daysLeft <= 30) return "DAYS_30";
  return daysLeft <= 90 ? "DAYS_90" : null;
}

/** A product with its lots (FEFO order, expiry band, days left) and availability. */
export async function productDetail(deps: Deps, actor: StaffActor, input: z.input<typeof productDetailInput>) {
  const { productId } = parseInput(productDetailInput, input);
  const product = await findOwnedProduct(deps.db, actor, productId);
  const today = new Date(`${utcDay(deps.clock.now())}T00:00:00Z`).getTime();
  const lots = await deps.db.lot.findMany({
    where: { productId },
    include: { location: { select: { name: true, isSellable: true } } },
    orderBy: [{ expiryDate: { sort: "asc", nulls: "last" } }, { receivedAt: "asc" }, { id: "asc" }],
  });
  const available = (await availabilityOf(deps, [productId])).get(productId) ?? null;
  return {
    product: {
      id: product.id,
      sku: product.sku,
      name: product.name,
      category: product.category,
      priceCents: product.priceCents,
      unitCostCents: product.unitCostCents,
      minStockLevel: product.minStockLevel,
      trackInventory: product.trackInventory,
      leadTimeDays: product.leadTimeDays,
      barcode: product.barcode,
      producerId: product.producerId,
    },
    available,
    lots: lots.map((l) => {
      const daysLeft = l.expiryDate ? Math.round((l.expiryDate.getTime() - today) / 86_400_000) : null;
      return {
        id: l.id,
        lotNumber: l.lotNumber,
        location: l.location.name,
        locationId: l.locationId,
        isSellable: l.location.isSellable,
        expiryDate: l.expiryDate?.toISOString().slice(0, 10) ?? null,
        daysLeft,
        band: bandFor(daysLeft),
        receivedAt: l.receivedAt.toISOString(),
        unitCostCents: l.unitCostCents,
        onHand: l.onHand,
        reserved: l.reserved,
      };
    }),
  };
}
