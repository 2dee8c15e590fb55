import { producerScopeInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { addDays, sqlTimestamp, utcDay } from "../stock/sql-time.ts";
import { parseInput } from "../validation.ts";

/** The dashboard cards and the lots expiring soon, in two queries. */
export async function dashboardSummary(deps: Deps, actor: StaffActor, input: z.input<typeof producerScopeInput>) {
  const { producerId } = parseInput(producerScopeInput, input);
  const scope = scopeProducerId(actor, producerId) ?? null;
  const now = deps.clock.now();
  const today = utcDay(now);
  const [totals] = await deps.db.$queryRaw<{ products: number; low: number; out: number; averageAvailable: number; valueCents: bigint }[]>`
    WITH scoped AS (
      SELECT id, "trackInventory", "minStockLevel" FROM "Product" WHERE (${scope}::uuid IS NULL OR "producerId" = ${scope}::uuid)
    ), p AS (
      SELECT s.*, a.available FROM scoped s JOIN stock_available_many(ARRAY(SELECT id FROM scoped), ${sqlTimestamp(now)}::timestamp, ${today}::date) a ON a.product_id = s.id
    )
    SELECT (SELECT COUNT(*) FROM p)::int AS products,
      (SELECT COUNT(*) FROM p WHERE "trackInventory" AND available > 0 AND stock_is_low(available, "minStockLevel"))::int AS low,
      (SELECT COUNT(*) FROM p WHERE "trackInventory" AND available = 0)::int AS out,
      COALESCE((SELECT AVG(available) FROM p WHERE "trackInventory"), 0)::float AS "averageAvailable",
      (SELECT COALESCE(SUM(l."onHand"::bigint * l."unitCostCents"), 0) FROM "Lot" l WHERE (${scope}::uuid IS NULL OR l."producerId" = ${scope}::uuid)) AS "valueCents"`;
  const expiringSoon = await deps.db.$queryRaw<
    { lotId: string; lotNumber: string; productId: string; productName: string; expiryDate: Date; onHand: number; location: string; isExpired: boolean }[]
  >`
    SELECT l.id AS "lotId", l."lotNumber", l."productId", p.name AS "productName", l."expiryDate", l."onHand", loc.name AS location,
      stock_expiry_band(l."expiryDate", ${today}::date) = 'EXPIRED' AS "isExpired"
    FROM "Lot" l JOIN "Product" p ON p.id = l."productId" JOIN "Location" loc ON loc.id = l."locationId"
    WHERE l."onHand" > 0 AND l."expiryDate" IS NOT NULL AND l."expiryDate" <= ${addDays(today, 30)}::date
      AND (${scope}::uuid IS NULL OR l."producerId" = ${scope}::uuid)
    ORDER BY l."expiryDate", p.name LIMIT 10`;
  return {
    products: totals?.products ?? 0,
    lowStock: totals?.low ?? 0,
    outOfStock: totals?.out ?? 0,
    averageStockLevel: Math.round((totals?.averageAvailable ?? 0) * 10) / 10,
    stockValueCents: Number(totals?.valueCents ?? 0),
    expiringSoon: expiringSoon.map((l) => ({
      ...l,
      expiryDate: l.expiryDate.toISOString().slice(0, 10),
    })),
  };
}
