import { analyticsInput } from "@stockroom/contracts";
import { Prisma } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { utcDay } from "../stock/sql-time.ts";
import { refreshStockSummaries } from "../stock/stock-summary.ts";
import { parseInput } from "../validation.ts";

function range(actor: StaffActor, input: z.input<typeof analyticsInput>) {
  const q = parseInput(analyticsInput, input);
  return { ...q, scope: scopeProducerId(actor, q.producerId) ?? null };
}

/** Units in (receipts, returns, positive adjustments), out (fulfilment) and written off, per day or week. */
export async function stockMovementSeries(deps: Deps, actor: StaffActor, input: z.input<typeof analyticsInput>) {
  const q = range(actor, input);
  // "MovementDailyByProducer" holds these sums per producer and day (a trigger keeps them equal to the ledger).
  const rows = await deps.db.$queryRaw<{ period: Date; inUnits: number; outUnits: number; writeOffUnits: number }[]>`
    SELECT date_trunc(${q.bucket}, r.day::timestamp)::date AS period, SUM(r."inUnits")::int AS "inUnits",
      SUM(r."fulfilledUnits")::int AS "outUnits", SUM(r."writtenOffUnits")::int AS "writeOffUnits"
    FROM "MovementDailyByProducer" r
    WHERE r.day BETWEEN ${q.from}::date AND ${q.to}::date AND (${q.scope}::uuid IS NULL OR r."producerId" = ${q.scope}::uuid)
    GROUP BY 1 HAVING SUM(r.movements) > 0 ORDER BY 1`;
  return rows.map((r) => ({ ...r, period: utcDay(r.period) }));
}

/** Open low-stock alerts at the end of each day in the range. */
export async function lowStockTrend(deps: Deps, actor: StaffActor, input: z.input<typeof analyticsInput>) {
  const q = range(actor, input);
  // An alert is open at the end of day d when it opened on or before d and was not resolved by the
  // end of d: +1 on its opening day, -1 on its resolution day (never before its opening day), and a
  // running sum over the days. One pass over the alerts that can be open in the range.
  const rows = await deps.db.$queryRaw<{ day: Date; open: number }[]>`
    WITH alerts AS (
      SELECT "openedAt"::date AS opened, CASE WHEN "resolvedAt" IS NOT NULL THEN GREATEST("resolvedAt"::date, "openedAt"::date) END AS resolved
      FROM "LowStockAlert"
      WHERE "openedAt" < ${q.to}::date + 1 AND ("resolvedAt" IS NULL OR "resolvedAt" >= ${q.from}::date)
        AND (${q.scope}::uuid IS NULL OR "producerId" = ${q.scope}::uuid)
    ), changes AS (
      SELECT GREATEST(day, ${q.from}::date) AS day, SUM(change) AS change
      FROM (SELECT opened AS day, 1 AS change FROM alerts UNION ALL SELECT resolved, -1 FROM alerts WHERE resolved IS NOT NULL) e
      WHERE day <= ${q.to}::date GROUP BY 1
    )
    SELECT d::date AS day, (SUM(COALESCE(c.change, 0)) OVER (ORDER BY d))::int AS open
    FROM generate_series(${q.from}::date, ${q.to}::date, interval '1 day') d LEFT JOIN changes c ON c.day = d::date ORDER BY 1`;
  return rows.map((r) => ({ day: utcDay(r.day), open: r.open }));
}

/**
 * Reorder point = daily sales velocity (units fulfilled in the last 30 days / 30) x lead time +
 * safety stock (velocity x half the lead time, at least a day); suggest enough to cover the
 * reorder point plus 30 days of sales.
 */
export async function restockRecommendations(deps: Deps, actor: StaffActor, input: { producerId?: string }) {
  const scope = scopeProducerId(actor, input.producerId) ?? null;
  const now = deps.clock.now();
  const today = utcDay(now);
  // Available from the product summaries (as the inventory list shows it), not worked out per product.
  await refreshStockSummaries(deps.db, today, scope);
  const rows = await deps.db.$queryRaw<{ productId: string; name: string; sku: string; leadTimeDays: number; available: number; soldLast30: number }[]>`
    SELECT p.id AS "productId", p.name, p.sku, p."leadTimeDays", ps.available,
      COALESCE(s.units, 0)::int AS "soldLast30"
    FROM "ProductStock" ps JOIN "Product" p ON p.id = ps."productId"
    LEFT JOIN (
      SELECT r."productId", -SUM(r."unitsIn" + r."unitsOut") AS units FROM "MovementDaily" r
      WHERE r.type = 'FULFILMENT' AND r.day >= ${today}::date - 30 AND ${scope ? Prisma.sql`r."producerId" = ${scope}::uuid` : Prisma.sql`TRUE`}
      GROUP BY 1
    ) s ON s."productId" = p.id
    WHERE ps."trackInventory" AND ${scope ? Prisma.sql`ps."producerId" = ${scope}::uuid` : Prisma.sql`TRUE`}`;
  return rows
    .map((r) => {
      const velocity = r.soldLast30 / 30;
      const safetyStock = Math.ceil(velocity * Math.max(1, r.leadTimeDays / 2));
      const reorderPoint = Math.ceil(velocity * r.leadTimeDays) + safetyStock;
      const suggestedQuantity = r.available <= reorderPoint ? Math.max(0, reorderPoint + Math.ceil(velocity * 30) - r.available) : 0;
      return { ...r, dailyVelocity: Math.round(velocity * 100) / 100, safetyStock, reorderPoint, suggestedQuantity };
    })
    .filter((r) => r.suggestedQuantity > 0)
    .sort((a, b) => b.suggestedQuantity - a.suggestedQuantity);
}

/** Revenue (fulfilled order lines), cost (their FULFILMENT movements at lot cost) and margin, by product and category. */
export async function profitability(deps: Deps, actor: StaffActor, input: z.input<typeof analyticsInput>) {
  const q = range(actor, input);
  const rows = await deps.db.$queryRaw<{ productId: string; name: string; category: string; units: number; revenueCents: bigint; costCents: bigint }[]>`
    WITH out AS (
      SELECT r."productId", -SUM(r."unitsIn" + r."unitsOut") AS units, SUM(r."revenueCents") AS revenue, -SUM(r."costCents") AS cost
      FROM "MovementDaily" r
      WHERE r.type = 'FULFILMENT' AND r.day BETWEEN ${q.from}::date AND ${q.to}::date
        AND (${q.scope}::uuid IS NULL OR r."producerId" = ${q.scope}::uuid)
      GROUP BY 1
    )
    SELECT p.id AS "productId", p.name, p.category, out.units::int AS units, out.revenue::bigint AS "revenueCents", out.cost::bigint AS "costCents"
    FROM out JOIN "Product" p ON p.id = out."productId"
    ORDER BY 5 DESC, p.id`;
  const products = rows.map((r) => {
    const revenueCents = Number(r.revenueCents);
    const costCents = Number(r.costCents);
    return { ...r, revenueCents, costCents, marginCents: revenueCents - costCents, marginRate: revenueCents ? (revenueCents - costCents) / revenueCents : 0 };
  });
  const categories = [...Map.groupBy(products, (p) => p.category)].map(([category, items]) => {
    const revenueCents = items.reduce((s, i) => s + i.revenueCents, 0);
    const costCents = items.reduce((s, i) => s + i.costCents, 0);
    return { category, revenueCents, costCents, marginCents: revenueCents - costCents };
  });
  return { products, categories };
}
