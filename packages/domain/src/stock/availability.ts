import type { Deps } from "../deps.ts";
import { sqlTimestamp, utcDay } from "./sql-time.ts";

/**
 * Units each product can sell now (null = not tracked, unlimited). Lapsed holds that no worker has
 * released yet already count as available.
 */
export async function availabilityOf(deps: Deps, productIds: string[]): Promise<Map<string, number | null>> {
  if (productIds.length === 0) return new Map();
  const now = deps.clock.now();
  const rows = await deps.db.$queryRaw<{ id: string; trackInventory: boolean; available: number }[]>`
    SELECT product_id AS id, track_inventory AS "trackInventory", available
    FROM stock_available_many(${productIds}::uuid[], ${sqlTimestamp(now)}::timestamp, ${utcDay(now)}::date)`;
  return new Map(rows.map((r) => [r.id, r.trackInventory ? r.available : null]));
}
