import { computeSeedMetrics, type Deps, type SeedMetrics } from "@stockroom/domain";
import { Counter, Gauge, type Registry } from "prom-client";
import { memo } from "./memo.ts";

/**
 * The pharmacy plan's seven metrics (docs/METRICS.md), read from the database when scraped: every
 * process reports the same values, so aggregate them with max(), never sum(). A ratio with nothing
 * in its window is absent rather than 0 or 1.
 */
export function registerSeedMetrics(registry: Registry, db: Deps["db"], ttlMs: number = 10_000): void {
  // The database is read at most once per `ttlMs` however many of these series a scrape asks for.
  const read = memo(ttlMs, () => computeSeedMetrics(db, new Date()));
  // Labelled by window: a labelled gauge has no series until set, so "nothing to measure" is absent.
  const ratio = (name: string, help: string, window: string, pick: (m: SeedMetrics) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames: ["window"],
      registers: [registry],
      async collect() {
        const value = pick(await read());
        this.reset();
        if (value !== null) this.set({ window }, value);
      },
    });
  const total = (name: string, help: string, pick: (m: SeedMetrics) => number, labelNames: string[] = []) =>
    new Counter({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        this.inc(pick(await read()));
      },
    });

  ratio(
    "stockroom_reservation_success_ratio",
    "Hold requests that got their holds / those that reached the stock, today and yesterday (UTC).",
    "2d",
    (m) => m.reservationSuccessRate,
  );
  new Counter({
    name: "stockroom_reservations_total",
    help: "Hold requests that reached the stock, by outcome (succeeded, refused for short stock).",
    labelNames: ["outcome"],
    registers: [registry],
    async collect() {
      const { reservations } = await read();
      this.reset();
      this.inc({ outcome: "succeeded" }, reservations.succeeded);
      this.inc({ outcome: "refused" }, reservations.refused);
    },
  });
  total("stockroom_oversell_incidents_total", "Orders whose stock could not fill them when it had to leave.", (m) => m.oversellIncidents);
  ratio(
    "stockroom_stock_accuracy_ratio",
    "Lots whose count matched / lots counted, in counts approved in the window (absent when none was).",
    "30d",
    (m) => m.stockAccuracyRate,
  );
  ratio(
    "stockroom_low_stock_alert_delivery_ratio",
    "Low-stock notices delivered (sent or kept in the outbox) / notices due, last 24 hours.",
    "24h",
    (m) => m.lowStockAlertDeliveryRate,
  );
  total("stockroom_stockout_incidents_total", "Low-stock episodes whose availability reached 0.", (m) => m.stockoutIncidents);
  ratio("stockroom_products_out_of_stock", "Products whose open low-stock alert was at 0 when last checked.", "now", (m) => m.productsOutOfStock);
  ratio(
    "stockroom_expired_waste_ratio",
    "Units written off as expired / units that left (sold or written off), last 30 days.",
    "30d",
    (m) => m.expiredWasteRate,
  );
  ratio(
    "stockroom_fefo_compliance_ratio",
    "Order lines whose lots were FEFO-optimal when their stock left / lines whose stock left, last 24 hours.",
    "24h",
    (m) => m.fifoComplianceRate,
  );
}
