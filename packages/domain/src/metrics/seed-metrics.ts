import type { Db } from "@stockroom/db";
import { EXPIRED_WRITE_OFF_PREFIX } from "../stock/write-off-lot.ts";
import { COUNTERS } from "./metric-counters.ts";

/**
 * The pharmacy plan's seven metrics, computed from the database's own records so every process
 * reports the same numbers and they survive restarts (definitions: docs/METRICS.md). A ratio with
 * nothing to measure in its window is null (reported absent), never 1 or 0 by default.
 */
export interface SeedMetrics {
  /** Since the counters began: the counters Prometheus takes rates of. */
  reservations: { succeeded: number; refused: number };
  /** succeeded / (succeeded + refused), today and yesterday (UTC). */
  reservationSuccessRate: number | null;
  /** Orders whose stock could not fill them when it had to leave (all time, a counter). */
  oversellIncidents: number;
  /** Lots whose count matched / lots counted, over counts approved in the last 30 days. */
  stockAccuracyRate: number | null;
  /** Low-stock notices delivered (sent, or kept in the outbox where no provider is set) / due, last 24 h (due at least 5 minutes ago). */
  lowStockAlertDeliveryRate: number | null;
  /** Low-stock episodes whose availability reached 0 (all time, a counter), and products at 0 now. */
  stockoutIncidents: number;
  productsOutOfStock: number;
  /** Units written off as expired / units that left (sold or written off), last 30 days. */
  expiredWasteRate: number | null;
  /** Order lines whose lots were FEFO-optimal when the stock left / lines whose stock left, last 24 h. */
  fifoComplianceRate: number | null;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export async function computeSeedMetrics(db: Db, now: Date): Promise<SeedMetrics> {
  const at = now.toISOString();
  const [row] = await db.$queryRaw<
    {
      succeeded: bigint;
      refused: bigint;
      recentSucceeded: bigint;
      recentRefused: bigint;
      short: bigint;
      noticesDue: bigint;
      noticesSent: bigint;
      stockouts: bigint;
      outOfStock: bigint;
      expiredUnits: bigint;
      outflowUnits: bigint;
      linesLeft: bigint;
      linesOptimal: bigint;
      lotsCounted: bigint;
      lotsMatched: bigint;
    }[]
  >`
    WITH c AS (SELECT day, name, value FROM "MetricCounter")
    SELECT
      COALESCE((SELECT sum(value) FROM c WHERE name = ${COUNTERS.reservationSucceeded}), 0)::bigint AS succeeded,
      COALESCE((SELECT sum(value) FROM c WHERE name = ${COUNTERS.reservationRefused}), 0)::bigint AS refused,
      COALESCE((SELECT sum(value) FROM c WHERE name = ${COUNTERS.reservationSucceeded} AND day >= (${at}::timestamp)::date - 1), 0)::bigint AS "recentSucceeded",
      COALESCE((SELECT sum(value) FROM c WHERE name = ${COUNTERS.reservationRefused} AND day >= (${at}::timestamp)::date - 1), 0)::bigint AS "recentRefused",
      COALESCE((SELECT sum(value) FROM c WHERE name = ${COUNTERS.fulfilmentShort}), 0)::bigint AS short,
      (SELECT count(*) FROM "Notification" n WHERE n.template IN ('low-stock', 'low-stock-escalation')
         AND COALESCE(n."sendAfter", n."createdAt") > ${at}::timestamp - interval '24 hours'
         AND COALESCE(n."sendAfter", n."createdAt") <= ${at}::timestamp - interval '5 minutes') AS "noticesDue",
      (SELECT count(*) FROM "Notification" n WHERE n.template IN ('low-stock', 'low-stock-escalation') AND n.status IN ('SENT', 'OUTBOX')
         AND COALESCE(n."sendAfter", n."createdAt") > ${at}::timestamp - interval '24 hours'
         AND COALESCE(n."sendAfter", n."createdAt") <= ${at}::timestamp - interval '5 minutes') AS "noticesSent",
      (SELECT count(*) FROM "LowStockAlert" WHERE "reachedZeroAt" IS NOT NULL) AS stockouts,
      (SELECT count(*) FROM "LowStockAlert" WHERE status = 'OPEN' AND available = 0) AS "outOfStock",
      COALESCE((SELECT -sum(quantity) FROM "Movement" WHERE type = 'WRITE_OFF' AND reason LIKE ${`${EXPIRED_WRITE_OFF_PREFIX}%`}
         AND "createdAt" > ${at}::timestamp - interval '30 days'), 0)::bigint AS "expiredUnits",
      COALESCE((SELECT -sum(quantity) FROM "Movement" WHERE type IN ('FULFILMENT', 'WRITE_OFF')
         AND "createdAt" > ${at}::timestamp - interval '30 days'), 0)::bigint AS "outflowUnits",
      (SELECT count(*) FROM "OrderLine" ol JOIN "Order" o ON o.id = ol."orderId"
         WHERE ol."fefoOptimal" IS NOT NULL AND o."stockMovedAt" > ${at}::timestamp - interval '24 hours') AS "linesLeft",
      (SELECT count(*) FROM "OrderLine" ol JOIN "Order" o ON o.id = ol."orderId"
         WHERE ol."fefoOptimal" AND o."stockMovedAt" > ${at}::timestamp - interval '24 hours') AS "linesOptimal",
      COALESCE((SELECT sum("countedLots") FROM "CountSession" WHERE status = 'APPROVED' AND "closedAt" > ${at}::timestamp - interval '30 days'), 0)::bigint AS "lotsCounted",
      COALESCE((SELECT sum("matchedLots") FROM "CountSession" WHERE status = 'APPROVED' AND "closedAt" > ${at}::timestamp - interval '30 days'), 0)::bigint AS "lotsMatched"`;
  if (!row) throw new Error("seed metrics query returned no row");
  const n = (v: bigint) => Number(v);
  return {
    reservations: { succeeded: n(row.succeeded), refused: n(row.refused) },
    reservationSuccessRate: ratio(n(row.recentSucceeded), n(row.recentSucceeded) + n(row.recentRefused)),
    oversellIncidents: n(row.short),
    stockAccuracyRate: ratio(n(row.lotsMatched), n(row.lotsCounted)),
    lowStockAlertDeliveryRate: ratio(n(row.noticesSent), n(row.noticesDue)),
    stockoutIncidents: n(row.stockouts),
    productsOutOfStock: n(row.outOfStock),
    expiredWasteRate: ratio(n(row.expiredUnits), n(row.outflowUnits)),
    fifoComplianceRate: ratio(n(row.linesOptimal), n(row.linesLeft)),
  };
}
