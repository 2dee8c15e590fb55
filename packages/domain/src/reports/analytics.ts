import { analyticsInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { sqlTimestamp, utcDay } from "../stock/sql-time.ts";
import { parseInput } from "../validation.ts";

function range(actor: StaffActor, input: z.input<typeof analyticsInput>) {
  const q = parseInput(analyticsInput, input);
  return { ...q, scope: scopeProducerId(actor, q.producerId) ?? null };
}

/** Units in (receipts, returns, positive adjustments), out (fulfilment) and written off, per day or week. */
export async function stockMovementSeries(deps: Deps, actor: StaffActor, input: z.input<typeof analyticsInput>) {
  const q = range(actor, input);
  const rows = await deps.db.$queryRaw<{ period: Date; inUnits: number; outUnits: number; writeOffUnits: number }[]>`
    SELECT date_trunc(${q.bucket}, m."createdAt")::date AS period,
      COALESCE(SUM(m.quantity) FILTER (WHERE m.quantity > 0 AND m.type IN ('RECEIPT', 'RETURN', 'ADJUSTMENT', 'COUNT')), 0)::int AS "inUnits",
      COALESCE(-SUM(m.quantity) FILTER (WHERE m.type = 'FULFILMENT'), 0)::int AS "outUnits",
      COALESCE(-SUM(m.quantity) FILTER (WHERE m.type = 'WRITE_OFF'), 0)::int AS "writeOffUnits"
    FROM "Movement" m
    WHERE m."createdAt" >= ${q.from}::date AND m."createdAt" < ${q.to}::date + 1 AND m.type <> 'TRANSFER'
      AND (${q.scope}::uuid IS NULL OR m."producerId" = ${q.scope}::uuid)
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ ...r, period: utcDay(r.period) }));
}

/** Open low-stock alerts at the end of each day in the range. */
export async function lowStockTrend(deps: Deps, actor: StaffActor, input: z.input<typeof analyticsInput>) {
  const q = range(actor, input);
  const rows = await deps.db.$queryRaw<{ day: Date; open: number }[]>`
    SELECT d::date AS day,
      (SELECT COUNT(*) FROM "LowStockAlert" a
       WHERE a."openedAt" < d + interval '1 day' AND (a."resolvedAt" IS NULL OR a."resolvedAt" >= d + interval '1 day')
         AND (${q.scope}::uuid IS NULL OR a."producerId" = ${q.scope}::uuid))::int AS open
    FROM generate_series(${q.from}::date, ${q.to}::date, interval '1 day') d ORDER BY 1`;
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
  const rows = await deps.db.$queryRaw<{ productId: string; name: string; sku: string; leadTimeDays: number; available: number; soldLast30: number }[]>`
    WITH scoped AS (
      SELECT id, name, sku, "leadTimeDays" FROM "Product" WHERE "trackInventory" AND (${scope}::uuid IS NULL OR "producerId" = ${scope}::uuid)
    )
    SELECT p.id AS "productId", p.name, p.sku, p."leadTimeDays", a.available,
      COALESCE((SELECT -SUM(m.quantity) FROM "Movement" m WHERE m."productId" = p.id AND m.type = 'FULFILMENT'
                AND m."createdAt" >= ${today}::date - 30), 0)::int AS "soldLast30"
    FROM scoped p JOIN stock_available_many(ARRAY(SELECT id FROM scoped), ${sqlTimestamp(now)}::timestamp, ${today}::date) a ON a.product_id = p.id`;
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
      SELECT m."productId", m."referenceId" AS "orderId", -SUM(m.quantity) AS units, SUM(-m.quantity::bigint * m."unitCostCents") AS cost
      FROM "Movement" m
      WHERE m.type = 'FULFILMENT' AND m."createdAt" >= ${q.from}::date AND m."createdAt" < ${q.to}::date + 1
        AND (${q.scope}::uuid IS NULL OR m."producerId" = ${q.scope}::uuid)
      GROUP BY 1, 2
    )
    SELECT p.id AS "productId", p.name, p.category, SUM(out.units)::int AS units,
      SUM(out.units * ol."unitPriceCents")::bigint AS "revenueCents", SUM(out.cost)::bigint AS "costCents"
    FROM out JOIN "Product" p ON p.id = out."productId"
    JOIN "OrderLine" ol ON ol."orderId"::text = out."orderId" AND ol."productId" = out."productId"
    GROUP BY p.id ORDER BY 5 DESC`;
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
