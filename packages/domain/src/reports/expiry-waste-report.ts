import { expiryWasteInput } from "@stockroom/contracts";
import { Prisma } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { can } from "../permissions.ts";
import { utcDay } from "../stock/sql-time.ts";
import { EXPIRED_WRITE_OFF_PREFIX } from "../stock/write-off-lot.ts";
import { parseInput } from "../validation.ts";
import { safeCsv } from "./safe-csv.ts";

const BANDS = ["EXPIRED", "DAYS_7", "DAYS_30", "DAYS_90"] as const;

/**
 * Lots by expiry band (expired, <=7, <=30, <=90 days) with units and value at cost; waste written
 * off in the period by reason; and the expired waste rate: units written off as expired over all
 * units that left stock (fulfilled + written off) in the period.
 */
export async function expiryWasteReport(deps: Deps, actor: StaffActor, input: z.input<typeof expiryWasteInput>) {
  const q = parseInput(expiryWasteInput, input);
  const scope = scopeProducerId(actor, q.producerId) ?? null;
  const today = utcDay(deps.clock.now());
  const lots = await deps.db.$queryRaw<
    {
      band: (typeof BANDS)[number];
      lotId: string;
      lotNumber: string;
      productId: string;
      productName: string;
      sku: string;
      location: string;
      expiryDate: Date;
      onHand: number;
      valueCents: bigint;
    }[]
  >`
    SELECT stock_expiry_band(l."expiryDate", ${today}::date)::text AS band,
      l.id AS "lotId", l."lotNumber", l."productId", p.name AS "productName", p.sku, loc.name AS location, l."expiryDate", l."onHand",
      (l."onHand"::bigint * l."unitCostCents") AS "valueCents"
    FROM "Lot" l JOIN "Product" p ON p.id = l."productId" JOIN "Location" loc ON loc.id = l."locationId"
    -- Banded = an expiry within 90 days (or past): said as a range on "expiryDate", so its index finds them.
    WHERE l."onHand" > 0 AND l."expiryDate" <= ${today}::date + 90
      AND ${scope ? Prisma.sql`l."producerId" = ${scope}::uuid` : Prisma.sql`TRUE`}
    ORDER BY l."expiryDate", p.name`;
  // From the ledger's daily rollups (write-offs keep their reason in "MovementDaily"): the same sums.
  const waste = await deps.db.$queryRaw<{ reason: string; units: number; costCents: bigint }[]>`
    SELECT r.reason, -SUM(r."unitsIn" + r."unitsOut")::int AS units, -SUM(r."costCents")::bigint AS "costCents"
    FROM "MovementDaily" r
    WHERE r.type = 'WRITE_OFF' AND r.day BETWEEN ${q.from}::date AND ${q.to}::date
      AND (${scope}::uuid IS NULL OR r."producerId" = ${scope}::uuid)
    GROUP BY r.reason ORDER BY 3 DESC`;
  const [outflow] = await deps.db.$queryRaw<{ units: number }[]>`
    SELECT COALESCE(SUM("fulfilledUnits" + "writtenOffUnits"), 0)::int AS units FROM "MovementDailyByProducer"
    WHERE day BETWEEN ${q.from}::date AND ${q.to}::date AND (${scope}::uuid IS NULL OR "producerId" = ${scope}::uuid)`;
  const expiredUnits = waste.filter((w) => w.reason.startsWith(EXPIRED_WRITE_OFF_PREFIX)).reduce((s, w) => s + w.units, 0);
  const bands = BANDS.map((band) => {
    const inBand = lots.filter((l) => l.band === band);
    return { band, lots: inBand.length, units: inBand.reduce((s, l) => s + l.onHand, 0), valueCents: inBand.reduce((s, l) => s + Number(l.valueCents), 0) };
  });
  return {
    bands,
    lots: lots.map((l) => ({ ...l, expiryDate: utcDay(l.expiryDate), valueCents: Number(l.valueCents) })),
    waste: waste.map((w) => ({ ...w, costCents: Number(w.costCents) })),
    expiredWasteRate: outflow && outflow.units > 0 ? expiredUnits / outflow.units : 0,
  };
}

/** The report's lots as CSV (RFC 4180; text cells that would start a formula are prefixed with `'`). */
export async function expiryWasteCsv(deps: Deps, actor: StaffActor, input: z.input<typeof expiryWasteInput>): Promise<string> {
  const report = await expiryWasteReport(deps, actor, input);
  // Roles without costs.view get the file without the value column.
  const withValue = can(actor, "costs.view");
  return safeCsv(
    report.lots.map((l) => {
      const row = [l.band, l.productName, l.sku, l.lotNumber, l.location, l.expiryDate, l.onHand];
      return withValue ? [...row, (l.valueCents / 100).toFixed(2)] : row;
    }),
    ["band", "product", "sku", "lot", "location", "expiry_date", "units", ...(withValue ? ["value_at_cost"] : [])],
  );
}
