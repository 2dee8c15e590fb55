import type { ExpiryBand } from "@stockroom/db";
import type { Deps } from "../deps.ts";
import { utcDay } from "../stock/sql-time.ts";
import { refreshStockSummaries } from "../stock/stock-summary.ts";
import { stockTransaction } from "../stock/transaction-options.ts";
import { alertSettingsFor } from "./alert-settings.ts";
import { queueNotifications } from "./queue-notifications.ts";

const BAND_LABEL: Record<ExpiryBand, string> = { DAYS_90: "within 90 days", DAYS_30: "within 30 days", DAYS_7: "within 7 days", EXPIRED: "EXPIRED" };

/**
 * The daily expiry job (also run on demand): sets each lot's band (<= 90, 30, 7 days, expired),
 * and alerts once per lot and band (LotExpiryAlert's primary key). Expired lots already stop being
 * sellable (holds and fulfilment skip them); here they become visible for write-off.
 */
export async function markLotExpiry(deps: Deps): Promise<{ marked: number; alerted: number }> {
  const today = utcDay(deps.clock.now());
  // The product summaries a lot's expiry or 30-day mark has outrun, ahead of the first read of the day.
  await refreshStockSummaries(deps.db, today, null);
  return stockTransaction(deps, async (tx) => {
    const marked = await tx.$executeRaw`
      UPDATE "Lot" SET "expiryBand" = stock_expiry_band("expiryDate", ${today}::date)
      WHERE "expiryBand" IS DISTINCT FROM stock_expiry_band("expiryDate", ${today}::date)`;
    const fresh = await tx.$queryRaw<{ lotId: string; band: ExpiryBand }[]>`
      INSERT INTO "LotExpiryAlert" ("lotId", band, "createdAt")
      SELECT id, "expiryBand", now() FROM "Lot" WHERE "expiryBand" IS NOT NULL AND "onHand" > 0
      ON CONFLICT ("lotId", band) DO NOTHING RETURNING "lotId", band`;
    let alerted = 0;
    for (const { lotId, band } of fresh) {
      const lot = await tx.lot.findUniqueOrThrow({ where: { id: lotId }, include: { product: true, location: true } });
      const settings = await alertSettingsFor(tx, lot.producerId);
      const expiry = lot.expiryDate?.toISOString().slice(0, 10);
      await queueNotifications(deps, tx, settings, {
        producerId: lot.producerId,
        eventKey: `expiry:${lotId}:${band}`,
        channels: settings.expiryChannels,
        template: "lot-expiry",
        subject: `Lot ${lot.lotNumber} of ${lot.product.name} ${band === "EXPIRED" ? "has expired" : `expires ${BAND_LABEL[band]}`}`,
        body: `Lot ${lot.lotNumber} of ${lot.product.name} (${lot.product.sku}) at ${lot.location.name}: ${lot.onHand} unit(s), expiry ${expiry}. ${
          band === "EXPIRED" ? "It is no longer sold; write it off in Stockroom." : "Sell it first or plan a markdown."
        }`,
      });
      alerted++;
    }
    return { marked, alerted };
  });
}
