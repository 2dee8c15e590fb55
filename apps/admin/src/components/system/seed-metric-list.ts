import type { ApiOutputs } from "../../lib/api-types.ts";

export type SystemHealth = ApiOutputs["system"]["health"];
export type TrendDay = SystemHealth["trends"][number];
type Metrics = SystemHealth["metrics"];
type TrendKey = Exclude<keyof TrendDay, "day">;

/** The pharmacy plan's seven metrics as System health shows them (definitions: docs/METRICS.md). */
export interface SeedMetricCard {
  key: string;
  label: string;
  definition: string;
  kind: "rate" | "count";
  value: (m: Metrics) => number | null;
  detail?: (m: Metrics) => string;
  /** The daily series, or why there is none. */
  trend: TrendKey | { none: string };
  /** Worth a look (the card turns amber or red). */
  tone?: (value: number) => "warning" | "danger" | undefined;
}

export const SEED_METRIC_CARDS: SeedMetricCard[] = [
  {
    key: "reservationSuccessRate",
    label: "Reservation success",
    definition: "Hold requests that got their stock, of those that reached it (today and yesterday, UTC).",
    kind: "rate",
    value: (m) => m.reservationSuccessRate,
    detail: (m) => `${m.reservations.succeeded} held, ${m.reservations.refused} refused since counting began`,
    trend: "reservationSuccessRate",
  },
  {
    key: "oversellIncidents",
    label: "Oversell incidents",
    definition: "Orders taken that their stock could not fill when it had to leave (all time).",
    kind: "count",
    value: (m) => m.oversellIncidents,
    trend: "oversellIncidents",
    tone: (v) => (v > 0 ? "danger" : undefined),
  },
  {
    key: "stockAccuracyRate",
    label: "Stock accuracy",
    definition: "Lots whose count matched, of lots counted (30 days).",
    kind: "rate",
    value: (m) => m.stockAccuracyRate,
    trend: "stockAccuracyRate",
    tone: (v) => (v < 0.98 ? "warning" : undefined),
  },
  {
    key: "lowStockAlertDeliveryRate",
    label: "Low-stock alert delivery",
    definition: "Low-stock notices delivered, of those due (last 24 hours).",
    kind: "rate",
    value: (m) => m.lowStockAlertDeliveryRate,
    trend: "lowStockAlertDeliveryRate",
    tone: (v) => (v < 0.95 ? "warning" : undefined),
  },
  {
    key: "stockoutIncidents",
    label: "Stock-out incidents",
    definition: "Low-stock episodes whose availability reached 0 (all time).",
    kind: "count",
    value: (m) => m.stockoutIncidents,
    detail: (m) => `${m.productsOutOfStock} product(s) out of stock now`,
    trend: "stockoutIncidents",
  },
  {
    key: "expiredWasteRate",
    label: "Expired waste",
    definition: "Units written off as expired, of units that left (last 30 days).",
    kind: "rate",
    value: (m) => m.expiredWasteRate,
    trend: "expiredWasteRate",
  },
  {
    key: "fifoComplianceRate",
    label: "FEFO compliance",
    definition: "Order lines whose lots were FEFO-optimal when they left, of lines that left (last 24 hours).",
    kind: "rate",
    value: (m) => m.fifoComplianceRate,
    trend: "fifoComplianceRate",
    tone: (v) => (v < 1 ? "warning" : undefined),
  },
];
