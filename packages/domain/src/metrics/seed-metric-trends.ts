import type { Deps } from "../deps.ts";
import { EXPIRED_WRITE_OFF_PREFIX } from "../stock/write-off-lot.ts";
import { COUNTERS } from "./metric-counters.ts";

/** One UTC day of the seed metrics. */
export interface SeedMetricDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  /** Holds that got their stock / holds that reached the stock, that day. */
  reservationSuccessRate: number | null;
  /** Orders whose stock could not fill them at dispatch, that day. */
  oversellIncidents: number;
  /** Low-stock notices delivered / due that day (due at least 5 minutes before now). */
  lowStockAlertDeliveryRate: number | null;
  /** Low-stock episodes that reached 0 that day. */
  stockoutIncidents: number;
  /** Expired units written off / units that left, that day. */
  expiredWasteRate: number | null;
  /** FEFO-optimal order lines / lines whose stock left, by dispatch day. */
  fifoComplianceRate: number | null;
  /** Lots whose count matched / lots counted, in counts approved that day. */
  stockAccuracyRate: number | null;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * The seed metrics per UTC day for the last `days` days (today last), for the System health trends.
 * The same records and rules as computeSeedMetrics, bucketed by day (docs/METRICS.md).
 */
export async function seedMetricTrends(deps: Pick<Deps, "db" | "clock">, input: { days: number }): Promise<SeedMetricDay[]> {
  const days = Math.min(Math.max(Math.trunc(input.days), 1), 90);
  const at = deps.clock.now().toISOString();
  const rows = await deps.db.$queryRaw<
    {
      day: string;
      ok: number;
      refused: number;
      short: number;
      due: number;
      sent: number;
      zero: number;
      expired: number;
      left: number;
      lines: number;
      optimal: number;
      counted: number;
      matched: number;
    }[]
  >`
    WITH d AS (
      SELECT g::date AS day FROM generate_series((${at}::timestamp)::date - ${days - 1}::int, (${at}::timestamp)::date, interval '1 day') AS g
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
      COALESCE((SELECT sum(value) FROM "MetricCounter" c WHERE c.day = d.day AND c.name = ${COUNTERS.reservationSucceeded}), 0)::int AS ok,
      COALESCE((SELECT sum(value) FROM "MetricCounter" c WHERE c.day = d.day AND c.name = ${COUNTERS.reservationRefused}), 0)::int AS refused,
      COALESCE((SELECT sum(value) FROM "MetricCounter" c WHERE c.day = d.day AND c.name = ${COUNTERS.fulfilmentShort}), 0)::int AS short,
      (SELECT count(*) FROM "Notification" n WHERE n.template IN ('low-stock', 'low-stock-escalation')
         AND COALESCE(n."sendAfter", n."createdAt")::date = d.day
         AND COALESCE(n."sendAfter", n."createdAt") <= ${at}::timestamp - interval '5 minutes')::int AS due,
      (SELECT count(*) FROM "Notification" n WHERE n.template IN ('low-stock', 'low-stock-escalation') AND n.status IN ('SENT', 'OUTBOX')
         AND COALESCE(n."sendAfter", n."createdAt")::date = d.day
         AND COALESCE(n."sendAfter", n."createdAt") <= ${at}::timestamp - interval '5 minutes')::int AS sent,
      (SELECT count(*) FROM "LowStockAlert" a WHERE a."reachedZeroAt"::date = d.day)::int AS zero,
      COALESCE((SELECT -sum(quantity) FROM "Movement" m WHERE m.type = 'WRITE_OFF' AND m.reason LIKE ${`${EXPIRED_WRITE_OFF_PREFIX}%`}
         AND m."createdAt"::date = d.day), 0)::int AS expired,
      COALESCE((SELECT -sum(quantity) FROM "Movement" m WHERE m.type IN ('FULFILMENT', 'WRITE_OFF') AND m."createdAt"::date = d.day), 0)::int AS left,
      (SELECT count(*) FROM "OrderLine" ol JOIN "Order" o ON o.id = ol."orderId"
         WHERE ol."fefoOptimal" IS NOT NULL AND o."stockMovedAt"::date = d.day)::int AS lines,
      (SELECT count(*) FROM "OrderLine" ol JOIN "Order" o ON o.id = ol."orderId"
         WHERE ol."fefoOptimal" AND o."stockMovedAt"::date = d.day)::int AS optimal,
      COALESCE((SELECT sum("countedLots") FROM "CountSession" s WHERE s.status = 'APPROVED' AND s."closedAt"::date = d.day), 0)::int AS counted,
      COALESCE((SELECT sum("matchedLots") FROM "CountSession" s WHERE s.status = 'APPROVED' AND s."closedAt"::date = d.day), 0)::int AS matched
    FROM d ORDER BY d.day`;
  return rows.map((r) => ({
    day: r.day,
    reservationSuccessRate: ratio(r.ok, r.ok + r.refused),
    oversellIncidents: r.short,
    lowStockAlertDeliveryRate: ratio(r.sent, r.due),
    stockoutIncidents: r.zero,
    expiredWasteRate: ratio(r.expired, r.left),
    fifoComplianceRate: ratio(r.optimal, r.lines),
    stockAccuracyRate: ratio(r.matched, r.counted),
  }));
}
