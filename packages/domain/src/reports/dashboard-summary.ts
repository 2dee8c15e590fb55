import { producerScopeInput } from "@stockroom/contracts";
import { Prisma } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { addDays, utcDay } from "../stock/sql-time.ts";
import { refreshStockSummaries } from "../stock/stock-summary.ts";
import { parseInput } from "../validation.ts";

/** The dashboard cards and the lots expiring soon, in two queries. */
export async function dashboardSummary(deps: Deps, actor: StaffActor, input: z.input<typeof producerScopeInput>) {
  const { producerId } = parseInput(producerScopeInput, input);
  const scope = scopeProducerId(actor, producerId) ?? null;
  const now = deps.clock.now();
  const today = utcDay(now);
  await refreshStockSummaries(deps.db, today, scope);
  // One pass over the product summaries (kept by the stock paths' own transactions), not the lots.
  const [totals] = await deps.db.$queryRaw<{ products: number; low: number; out: number; averageAvailable: number; valueCents: bigint }[]>`
    SELECT COUNT(*)::int AS products,
      (COUNT(*) FILTER (WHERE "trackInventory" AND available > 0 AND stock_is_low(available, "minStockLevel")))::int AS low,
      (COUNT(*) FILTER (WHERE "trackInventory" AND available = 0))::int AS out,
      COALESCE(AVG(available) FILTER (WHERE "trackInventory"), 0)::float AS "averageAvailable",
      COALESCE(SUM("valueCents"), 0)::bigint AS "valueCents"
    FROM "ProductStock" WHERE ${scope ? Prisma.sql`"producerId" = ${scope}::uuid` : Prisma.sql`TRUE`}`;
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
