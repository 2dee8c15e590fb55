import type { Db } from "@stockroom/db";

// The analytics as they were computed from "Movement" and "LowStockAlert" row by row, before
// "MovementDaily" (issue 19). Tests only: the reports must give exactly these answers.

interface Range {
  from: string;
  to: string;
  scope: string | null;
}

export async function ledgerSeries(db: Db, q: Range & { bucket: "day" | "week" }) {
  return db.$queryRaw<{ period: string; inUnits: number; outUnits: number; writeOffUnits: number }[]>`
    SELECT to_char(date_trunc(${q.bucket}, m."createdAt"), 'YYYY-MM-DD') AS period,
      COALESCE(SUM(m.quantity) FILTER (WHERE m.quantity > 0 AND m.type IN ('RECEIPT', 'RETURN', 'ADJUSTMENT', 'COUNT')), 0)::int AS "inUnits",
      COALESCE(-SUM(m.quantity) FILTER (WHERE m.type = 'FULFILMENT'), 0)::int AS "outUnits",
      COALESCE(-SUM(m.quantity) FILTER (WHERE m.type = 'WRITE_OFF'), 0)::int AS "writeOffUnits"
    FROM "Movement" m
    WHERE m."createdAt" >= ${q.from}::date AND m."createdAt" < ${q.to}::date + 1 AND m.type <> 'TRANSFER'
      AND (${q.scope}::uuid IS NULL OR m."producerId" = ${q.scope}::uuid)
    GROUP BY 1 ORDER BY 1`;
}

export async function ledgerLowStockTrend(db: Db, q: Range) {
  return db.$queryRaw<{ day: string; open: number }[]>`
    SELECT to_char(d, 'YYYY-MM-DD') AS day,
      (SELECT COUNT(*) FROM "LowStockAlert" a
       WHERE a."openedAt" < d + interval '1 day' AND (a."resolvedAt" IS NULL OR a."resolvedAt" >= d + interval '1 day')
         AND (${q.scope}::uuid IS NULL OR a."producerId" = ${q.scope}::uuid))::int AS open
    FROM generate_series(${q.from}::date, ${q.to}::date, interval '1 day') d ORDER BY 1`;
}

/** Units of each product fulfilled since `today` - 30 (restock's velocity). */
export async function ledgerSoldLast30(db: Db, q: { today: string; scope: string | null }) {
  return db.$queryRaw<{ productId: string; soldLast30: number }[]>`
    SELECT p.id AS "productId", COALESCE((SELECT -SUM(m.quantity) FROM "Movement" m WHERE m."productId" = p.id AND m.type = 'FULFILMENT'
                AND m."createdAt" >= ${q.today}::date - 30), 0)::int AS "soldLast30"
    FROM "Product" p WHERE p."trackInventory" AND (${q.scope}::uuid IS NULL OR p."producerId" = ${q.scope}::uuid) ORDER BY 1`;
}

export async function ledgerProfitability(db: Db, q: Range) {
  return db.$queryRaw<{ productId: string; units: number; revenueCents: number; costCents: number }[]>`
    WITH out AS (
      SELECT m."productId", m."referenceId" AS "orderId", -SUM(m.quantity) AS units, SUM(-m.quantity::bigint * m."unitCostCents") AS cost
      FROM "Movement" m
      WHERE m.type = 'FULFILMENT' AND m."createdAt" >= ${q.from}::date AND m."createdAt" < ${q.to}::date + 1
        AND (${q.scope}::uuid IS NULL OR m."producerId" = ${q.scope}::uuid)
      GROUP BY 1, 2
    )
    SELECT p.id AS "productId", SUM(out.units)::int AS units,
      SUM(out.units * ol."unitPriceCents")::float8 AS "revenueCents", SUM(out.cost)::float8 AS "costCents"
    FROM out JOIN "Product" p ON p.id = out."productId"
    JOIN "OrderLine" ol ON ol."orderId"::text = out."orderId" AND ol."productId" = out."productId"
    GROUP BY p.id ORDER BY 1`;
}

export async function ledgerWaste(db: Db, q: Range) {
  const waste = await db.$queryRaw<{ reason: string; units: number; costCents: number }[]>`
    SELECT m.reason, -SUM(m.quantity)::int AS units, SUM(-m.quantity::bigint * m."unitCostCents")::float8 AS "costCents"
    FROM "Movement" m
    WHERE m.type = 'WRITE_OFF' AND m."createdAt" >= ${q.from}::date AND m."createdAt" < ${q.to}::date + 1
      AND (${q.scope}::uuid IS NULL OR m."producerId" = ${q.scope}::uuid)
    GROUP BY m.reason ORDER BY 1`;
  const [outflow] = await db.$queryRaw<{ units: number }[]>`
    SELECT COALESCE(-SUM(quantity), 0)::int AS units FROM "Movement"
    WHERE type IN ('FULFILMENT', 'WRITE_OFF') AND "createdAt" >= ${q.from}::date AND "createdAt" < ${q.to}::date + 1
      AND (${q.scope}::uuid IS NULL OR "producerId" = ${q.scope}::uuid)`;
  return { waste, outflowUnits: outflow?.units ?? 0 };
}
