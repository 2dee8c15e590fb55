import type { Deps } from "../deps.ts";
import { sqlTimestamp, utcDay } from "./sql-time.ts";

/**
 * Units each product can sell now (null = not tracked, unlimited). Lapsed holds that no worker has
 * released yet already count as available. An archived product sells nothing: 0.
 */
export async function availabilityOf(deps: Deps, productIds: string[]): Promise<Map<string, number | null>> {
  if (productIds.length === 0) return new Map();
  const now = deps.clock.now();
  const rows = await deps.db.$queryRaw<{ id: string; trackInventory: boolean; available: number; isArchived: boolean }[]>`
    SELECT a.product_id AS id, a.track_inventory AS "trackInventory", a.available, p."archivedAt" IS NOT NULL AS "isArchived"
    FROM stock_available_many(${productIds}::uuid[], ${sqlTimestamp(now)}::timestamp, ${utcDay(now)}::date) a
    JOIN "Product" p ON p.id = a.product_id`;
  return new Map(rows.map((r) => [r.id, r.isArchived ? 0 : r.trackInventory ? r.available : null]));
}
