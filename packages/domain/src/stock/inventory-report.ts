import type { Db } from "@stockroom/db";
import { sqlTimestamp, utcDay } from "./sql-time.ts";

/** Totals for `pnpm inventory:report`: per producer, tracked products only for low/out. */
export async function inventoryReport(db: Db, now: Date) {
  const today = utcDay(now);
  return db.$queryRaw<
    { producer: string; products: number; low: number; out: number; expired: number; within7: number; within30: number; within90: number; valueCents: bigint }[]
  >`
    WITH availability AS (
      SELECT p.id, p."producerId", p."minStockLevel", p."trackInventory", a.available
      FROM "Product" p JOIN stock_available_many(ARRAY(SELECT id FROM "Product"), ${sqlTimestamp(now)}::timestamp, ${today}::date) a ON a.product_id = p.id
    ), lots AS (
      SELECT l."producerId", stock_expiry_band(l."expiryDate", ${today}::date) AS band, l."onHand", l."unitCostCents" FROM "Lot" l WHERE l."onHand" > 0
    )
    SELECT pr.name AS producer,
      (SELECT COUNT(*) FROM availability a WHERE a."producerId" = pr.id)::int AS products,
      (SELECT COUNT(*) FROM availability a WHERE a."producerId" = pr.id AND a."trackInventory" AND a.available > 0 AND stock_is_low(a.available, a."minStockLevel"))::int AS low,
      (SELECT COUNT(*) FROM availability a WHERE a."producerId" = pr.id AND a."trackInventory" AND a.available = 0)::int AS out,
      (SELECT COUNT(*) FROM lots l WHERE l."producerId" = pr.id AND l.band = 'EXPIRED')::int AS expired,
      (SELECT COUNT(*) FROM lots l WHERE l."producerId" = pr.id AND l.band = 'DAYS_7')::int AS within7,
      (SELECT COUNT(*) FROM lots l WHERE l."producerId" = pr.id AND l.band = 'DAYS_30')::int AS within30,
      (SELECT COUNT(*) FROM lots l WHERE l."producerId" = pr.id AND l.band = 'DAYS_90')::int AS within90,
      (SELECT COALESCE(SUM(l."onHand"::bigint * l."unitCostCents"), 0) FROM lots l WHERE l."producerId" = pr.id) AS "valueCents"
    FROM "Producer" pr ORDER BY pr.name`;
}
