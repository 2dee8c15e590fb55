import { type INVENTORY_SORTS, type INVENTORY_STATUSES, listInventoryInput } from "@stockroom/contracts";
import { Prisma } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { containsPattern } from "../like-pattern.ts";
import { can } from "../permissions.ts";
import { incomingUnits } from "../purchasing/purchase-order-view.ts";
import { addDays, sqlTimestamp, utcDay } from "../stock/sql-time.ts";
import { parseInput } from "../validation.ts";

/** Everything true of a row at once (the status shows only the most urgent one). */
export type InventoryFlag = "out" | "low" | "expired_lot" | "expiring";

const SORT_SQL: Record<(typeof INVENTORY_SORTS)[number], string> = {
  name: "name",
  sku: "sku",
  available: "available",
  category: "category",
  value: '"valueCents"',
};

/**
 * The inventory table: one row per product with available / on hand / reserved, its status, and
 * stock value, filtered, searched (name, SKU, barcode or lot number) and sorted on the server.
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
  const now = deps.clock.now();
  const today = utcDay(now);
  const soon = addDays(today, 30);
  const pattern = q.search ? containsPattern(q.search) : null;
  const order = Prisma.raw(`${SORT_SQL[q.sort]} ${q.direction === "asc" ? "ASC" : "DESC"}, id ASC`);
  const rows = await deps.db.$queryRaw<
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
      total: bigint;
      hasExpired: boolean | null;
      producerName: string;
      reservedByOrders: number;
      unsellable: number;
      flags: InventoryFlag[];
    }[]
  >`
    WITH scoped AS (
      SELECT p.id, p.sku, p.name, p.category, p."trackInventory", p."minStockLevel" FROM "Product" p
      WHERE (${scope}::uuid IS NULL OR p."producerId" = ${scope}::uuid)
        AND (${only.productIds ?? null}::uuid[] IS NULL OR p.id = ANY(${only.productIds ?? null}::uuid[]))
        AND (${q.category ?? null}::text IS NULL OR p.category = ${q.category ?? null})
        AND (${pattern}::text IS NULL OR p."searchName" LIKE lower(${pattern}) OR p.sku ILIKE ${pattern} OR p.barcode ILIKE ${pattern}
             OR EXISTS (SELECT 1 FROM "Lot" lx WHERE lx."productId" = p.id AND lx."lotNumber" ILIKE ${pattern}))
    ), base AS (
      -- Availability for every scoped product in one set-wise call (a per-row function call cost ~10 us each).
      SELECT p.id, p.sku, p.name, p.category, p."trackInventory", p."minStockLevel", a.available,
        COALESCE(SUM(l."onHand"), 0)::int AS "onHand", COALESCE(SUM(l.reserved), 0)::int AS reserved,
        COALESCE(SUM(l."onHand"::bigint * l."unitCostCents"), 0) AS "valueCents",
        MIN(l."expiryDate") FILTER (WHERE l."onHand" > 0 AND stock_expiry_band(l."expiryDate", ${today}::date) IS DISTINCT FROM 'EXPIRED') AS "nextExpiry",
        BOOL_OR(l."onHand" > 0 AND stock_expiry_band(l."expiryDate", ${today}::date) = 'EXPIRED') AS "hasExpired"
      FROM scoped p
      JOIN stock_available_many(ARRAY(SELECT id FROM scoped), ${sqlTimestamp(now)}::timestamp, ${today}::date) a ON a.product_id = p.id
      LEFT JOIN "Lot" l ON l."productId" = p.id AND (${q.locationId ?? null}::uuid IS NULL OR l."locationId" = ${q.locationId ?? null}::uuid)
      GROUP BY p.id, p.sku, p.name, p.category, p."trackInventory", p."minStockLevel", a.available
    ), classified AS (
      SELECT *, CASE
          WHEN NOT "trackInventory" THEN 'in_stock'
          WHEN "hasExpired" THEN 'expired'
          WHEN available = 0 THEN 'out'
          WHEN stock_is_low(available, "minStockLevel") THEN 'low'
          WHEN "nextExpiry" <= ${soon}::date THEN 'expiring'
          ELSE 'in_stock' END AS status
      FROM base
    ), page AS (
      SELECT *, COUNT(*) OVER () AS total FROM classified
      WHERE (${q.status ?? null}::text IS NULL OR status = ${q.status ?? null})
      ORDER BY ${order}
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
    )
    -- What explains the numbers, for the page's rows only: reserved by open orders (the rest is held by
    -- carts), units that cannot be sold (expired, or in a location that does not sell), every flag.
    SELECT page.*, producer.name AS "producerName",
      COALESCE((SELECT SUM(a.quantity) FROM "OrderLineAllocation" a
        JOIN "OrderLine" ol ON ol.id = a."orderLineId" JOIN "Order" o ON o.id = ol."orderId" JOIN "Lot" l ON l.id = a."lotId"
        WHERE ol."productId" = page.id AND o."stockMovedAt" IS NULL AND o.status <> 'CANCELLED'
          AND (${q.locationId ?? null}::uuid IS NULL OR l."locationId" = ${q.locationId ?? null}::uuid)), 0)::int AS "reservedByOrders",
      COALESCE((SELECT SUM(l."onHand") FROM "Lot" l JOIN "Location" loc ON loc.id = l."locationId"
        WHERE l."productId" = page.id AND (NOT stock_is_lot_sellable(loc."isSellable", l."expiryDate", ${today}::date))
          AND (${q.locationId ?? null}::uuid IS NULL OR l."locationId" = ${q.locationId ?? null}::uuid)), 0)::int AS unsellable,
      array_remove(ARRAY[
        CASE WHEN page."trackInventory" AND page.available = 0 THEN 'out' END,
        CASE WHEN page."trackInventory" AND page.available > 0 AND stock_is_low(page.available, page."minStockLevel") THEN 'low' END,
        CASE WHEN page."hasExpired" THEN 'expired_lot' END,
        CASE WHEN page."nextExpiry" <= ${soon}::date THEN 'expiring' END
      ], NULL) AS flags
    FROM page JOIN "Product" product ON product.id = page.id JOIN "Producer" producer ON producer.id = product."producerId"
    ORDER BY ${order}`;
  const incoming = await incomingUnits(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map(({ total: _total, hasExpired: _hasExpired, valueCents, nextExpiry, ...r }) => ({
      ...r,
      reservedByCarts: r.reserved - r.reservedByOrders,
      incoming: incoming.get(r.id) ?? 0,
      valueCents: Number(valueCents),
      nextExpiry: nextExpiry ? nextExpiry.toISOString().slice(0, 10) : null,
    })),
  };
}
