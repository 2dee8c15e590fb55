import type { Db, Tx } from "@stockroom/db";
import { receiptRefusal } from "../stock/receive-lot.ts";
import { shelfLifeRefusal } from "../stock/receiving-rules.ts";
import type { StockRowData } from "./parse-import-row.ts";

export type RowAction = "CREATE" | "UPDATE" | "UNCHANGED";
export interface RowProblem {
  line: number;
  column: string;
  reason: string;
}
export interface ImportCapabilities {
  /** stock.adjust: existing lots may be set to the file's quantity. */
  adjust: boolean;
  /** costs.view: the file may name a unit cost. */
  costs: boolean;
}

export interface ClassifiedStockRow {
  line: number;
  action: RowAction;
  row: StockRowData;
  productId: string;
  locationId: string;
  /** The existing lot (UPDATE / UNCHANGED) and its on hand. */
  lotId: string | null;
  onHand: number;
  unitCostCents: number;
}

/**
 * What each stock row would do against the database as it is now: a new lot (CREATE: a RECEIPT),
 * an existing lot whose on hand differs (UPDATE: an ADJUSTMENT to the file's quantity, a count), or
 * nothing. Rows the receiving rules refuse come back as problems. The dry run and the apply both
 * call this, the apply inside its transaction with the products locked.
 */
export async function classifyStockRows(
  db: Db | Tx,
  producerId: string,
  can: ImportCapabilities,
  rows: { line: number; row: StockRowData }[],
  /** The day the receiving rules judge expiry against. */
  today: string,
): Promise<{ classified: ClassifiedStockRow[]; problems: RowProblem[] }> {
  const skus = [...new Set(rows.map((r) => r.row.sku))];
  const [products, locations] = await Promise.all([
    db.product.findMany({
      where: { producerId, sku: { in: skus } },
      select: { id: true, sku: true, name: true, unitCostCents: true, requiresExpiryDate: true, minShelfLifeDays: true },
    }),
    db.location.findMany({ where: { producerId }, select: { id: true, name: true, archivedAt: true, isQuarantine: true } }),
  ]);
  const productBySku = new Map(products.map((p) => [p.sku, p]));
  const locationByName = new Map(locations.map((l) => [l.name.toLowerCase(), l]));
  const lots = await db.lot.findMany({
    where: { productId: { in: products.map((p) => p.id) }, lotNumber: { in: [...new Set(rows.map((r) => r.row.lotNumber))] } },
    select: { id: true, productId: true, locationId: true, lotNumber: true, expiryDate: true, onHand: true, reserved: true },
  });
  const lotByKey = new Map(lots.map((l) => [`${l.productId}|${l.locationId}|${l.lotNumber}`, l]));
  const classified: ClassifiedStockRow[] = [];
  const problems: RowProblem[] = [];
  for (const { line, row } of rows) {
    const problem = (column: string, reason: string) => problems.push({ line, column, reason });
    const product = productBySku.get(row.sku);
    if (!product) {
      problem("sku", `no product with SKU ${row.sku}`);
      continue;
    }
    const location = locationByName.get(row.location.toLowerCase());
    if (!location || location.archivedAt) {
      problem("location", location ? `location ${row.location} is archived` : `no location named ${row.location}`);
      continue;
    }
    if (row.unitCostCents !== null && !can.costs) {
      problem("unit_cost", "your role receives at the product's unit cost: leave it empty");
      continue;
    }
    const lot = lotByKey.get(`${product.id}|${location.id}|${row.lotNumber}`) ?? null;
    const expiryDate = row.expiry ? new Date(`${row.expiry}T00:00:00Z`) : null;
    const refusal = receiptRefusal({ lotNumber: row.lotNumber, expiryDate, existing: lot });
    if (refusal) {
      problem("expiry", refusal.reason);
      continue;
    }
    const base = { line, row, productId: product.id, locationId: location.id, unitCostCents: row.unitCostCents ?? product.unitCostCents };
    // A new lot meets the same receiving rules as the receive form (into the quarantine location, the expiry ones do not apply).
    const ruleBroken = !lot && row.quantity > 0 ? shelfLifeRefusal(product, row.expiry, today, location.isQuarantine) : null;
    if (ruleBroken) {
      problem(
        "expiry",
        ruleBroken.canQuarantine ? `${ruleBroken.message} Import it into the Quarantine location instead, or fix the date.` : ruleBroken.message,
      );
      continue;
    }
    if (!lot) {
      classified.push({ ...base, action: row.quantity === 0 ? "UNCHANGED" : "CREATE", lotId: null, onHand: 0 });
      continue;
    }
    if (lot.onHand === row.quantity) {
      classified.push({ ...base, action: "UNCHANGED", lotId: lot.id, onHand: lot.onHand });
      continue;
    }
    if (!can.adjust) problem("quantity", `lot ${row.lotNumber} has ${lot.onHand} on hand and your role cannot adjust stock`);
    else if (row.quantity < lot.reserved) problem("quantity", `below the ${lot.reserved} units reserved for holds and orders`);
    else classified.push({ ...base, action: "UPDATE", lotId: lot.id, onHand: lot.onHand });
  }
  return { classified, problems };
}
