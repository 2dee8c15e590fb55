import { type INVENTORY_STATUSES, listInventoryInput } from "@stockroom/contracts";
import { Prisma } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../../actor.ts";
import type { Deps } from "../../deps.ts";
import { DomainError } from "../../errors.ts";
import { can } from "../../permissions.ts";
import { incomingUnits } from "../../purchasing/purchase-order-view.ts";
import { utcDay } from "../../stock/sql-time.ts";
import { refreshStockSummaries } from "../../stock/stock-summary.ts";
import { parseInput } from "../../validation.ts";
import { inventoryPage } from "./inventory-page.ts";

/** Everything true of a row at once (the status shows only the most urgent one). */
export type InventoryFlag = "out" | "low" | "expired_lot" | "expiring";

/**
 * The inventory table: one row per product with available / on hand / reserved, its status, and
 * stock value, filtered, searched (name, SKU, barcode or lot number) and sorted on the server. The
 * order, filters and count come from the product summaries ("ProductStock", kept by the stock
 * paths' own transactions); only the page's rows are then explained from their lots. Available
 * here counts a lapsed hold as held until the worker releases it (about a second).
 */
export async function listInventory(
  deps: Deps,
  actor: StaffActor,
  input: z.input<typeof listInventoryInput>,
  /** Only these products (the streamed CSV export walks the catalog by id, a page at a time). */
  only: { productIds?: string[] } = {},
) {
  const q = parseInput(listInventoryInput, input);
  // Sorting by value would reveal the order of values to a role that may not see them.
  if (q.sort === "value" && !can(actor, "costs.view"))
    throw new DomainError("FORBIDDEN", "Your role cannot sort by value.", { fields: { sort: "needs costs.view" } });
  const scope = scopeProducerId(actor, q.producerId) ?? null;
  const today = utcDay(deps.clock.now());
  await refreshStockSummaries(deps.db, today, scope);
  const page = await inventoryPage(deps, q, scope, only.productIds);
  const [rows, incoming] = await Promise.all([inventoryRows(deps, page.ids, today, q.locationId ?? null), incomingUnits(deps.db, page.ids)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
    nextCursor: page.nextCursor,
    items: page.ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const { valueCents, nextExpiry, ...r } = row;
      return [
        {
          ...r,
          reservedByCarts: r.reserved - r.reservedByOrders,
          incoming: incoming.get(id) ?? 0,
          valueCents: Number(valueCents),
          nextExpiry: nextExpiry ? nextExpiry.toISOString().slice(0, 10) : null,
        },
      ];
    }),
  };
}

/**
 * The page's rows with what explains their numbers: on hand, reserved and value (of one location
 * when filtered by it; available and status stay the product's), next expiry, reserved by open
 * orders (the rest is held by carts), units that cannot be sold, every flag.
 */
async function inventoryRows(deps: Deps, ids: string[], today: string, locationId: string | null) {
  if (ids.length === 0) return [];
  const atLocation = locationId ? Prisma.sql`AND l."locationId" = ${locationId}::uuid` : Prisma.empty;
  return deps.db.$queryRaw<
    {
      id: string;
      sku: string;
      name: string;
      category: string;
      trackInventory: boolean;
      minStockLevel: number;
      available: number;
      onHand: number;
      reserved: number;
      valueCents: bigint;
      nextExpiry: Date | null;
      status: (typeof INVENTORY_STATUSES)[number];
      producerName: string;
      reservedByOrders: number;
      unsellable: number;
      flags: InventoryFlag[];
    }[]
  >`
    SELECT p.id, p.sku, p.name, p.category, p."trackInventory", p."minStockLevel", s.available, s.status, producer.name AS "producerName",
      lots."onHand", lots.reserved, lots."valueCents", lots."nextExpiry",
      COALESCE((SELECT SUM(a.quantity) FROM "OrderLineAllocation" a
        JOIN "OrderLine" ol ON ol.id = a."orderLineId" JOIN "Order" o ON o.id = ol."orderId" JOIN "Lot" l ON l.id = a."lotId"
        WHERE ol."productId" = p.id AND o."stockMovedAt" IS NULL AND o.status <> 'CANCELLED' ${atLocation}), 0)::int AS "reservedByOrders",
      array_remove(ARRAY[
        CASE WHEN p."trackInventory" AND s.available = 0 THEN 'out' END,
        CASE WHEN p."trackInventory" AND s.available > 0 AND stock_is_low(s.available, p."minStockLevel") THEN 'low' END,
        CASE WHEN s."expiredLots" > 0 THEN 'expired_lot' END,
        CASE WHEN s."expiringLots" > 0 THEN 'expiring' END
      ], NULL) AS flags,
      lots.unsellable
    FROM "Product" p JOIN "ProductStock" s ON s."productId" = p.id JOIN "Producer" producer ON producer.id = p."producerId"
    CROSS JOIN LATERAL (
      SELECT COALESCE(SUM(l."onHand"), 0)::int AS "onHand", COALESCE(SUM(l.reserved), 0)::int AS reserved,
        COALESCE(SUM(l."onHand"::bigint * l."unitCostCents"), 0)::bigint AS "valueCents",
        MIN(l."expiryDate") FILTER (WHERE l."onHand" > 0 AND l."expiryDate" > ${today}::date) AS "nextExpiry",
        COALESCE(SUM(l."onHand") FILTER (WHERE NOT stock_is_lot_sellable(loc."isSellable", l."expiryDate", ${today}::date)), 0)::int AS unsellable
      FROM "Lot" l JOIN "Location" loc ON loc.id = l."locationId"
      WHERE l."productId" = p.id ${atLocation}
    ) lots
    WHERE p.id = ANY(${ids}::uuid[])`;
}
