import { createProductInput, MAX_STOCK_CHANGE } from "@stockroom/contracts";
import type { z } from "zod";

export type RowResult<T> = { ok: true; data: T } | { ok: false; column: string; reason: string };

export type ProductRowData = Omit<z.output<typeof createProductInput>, "producerId" | "maxPerCart">;
export interface StockRowData {
  sku: string;
  location: string;
  lotNumber: string;
  /** YYYY-MM-DD or null. */
  expiry: string | null;
  quantity: number;
  /** Null: the product's unit cost. */
  unitCostCents: number | null;
}

const FIELD_TO_COLUMN: Record<string, string> = {
  sku: "sku",
  name: "name",
  category: "category",
  priceCents: "price",
  unitCostCents: "unit_cost",
  minStockLevel: "min_stock_level",
  leadTimeDays: "lead_time_days",
  trackInventory: "track_inventory",
  barcode: "barcode",
};

class CellError extends Error {
  constructor(
    readonly column: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** "12", "12.5", "12.50" or "12,50" (a decimal comma, as semicolon files write it) -> cents. */
export function parseMoney(column: string, text: string): number {
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!m) throw new CellError(column, `"${text}" is not an amount like 12.50`);
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}

function parseWhole(column: string, text: string): number {
  if (!/^-?\d{1,10}$/.test(text)) throw new CellError(column, `"${text}" is not a whole number`);
  return Number(text);
}

function parseBool(column: string, text: string): boolean {
  const t = text.toLowerCase();
  if (["true", "yes", "1", "y"].includes(t)) return true;
  if (["false", "no", "0", "n"].includes(t)) return false;
  throw new CellError(column, `"${text}" is not true or false`);
}

function parseDay(column: string, text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = m ? new Date(`${text}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) throw new CellError(column, `"${text}" is not a date like 2027-03-31`);
  return text;
}

function attempt<T>(build: () => T): RowResult<T> {
  try {
    return { ok: true, data: build() };
  } catch (error) {
    if (error instanceof CellError) return { ok: false, column: error.column, reason: error.reason };
    throw error;
  }
}

export function parseProductRow(cells: Record<string, string>): RowResult<ProductRowData> {
  const converted = attempt(() => ({
    sku: cells.sku ?? "",
    name: cells.name ?? "",
    category: cells.category ?? "",
    priceCents: parseMoney("price", cells.price ?? ""),
    unitCostCents: parseMoney("unit_cost", cells.unit_cost ?? ""),
    minStockLevel: cells.min_stock_level ? parseWhole("min_stock_level", cells.min_stock_level) : 0,
    leadTimeDays: cells.lead_time_days ? parseWhole("lead_time_days", cells.lead_time_days) : 7,
    trackInventory: cells.track_inventory ? parseBool("track_inventory", cells.track_inventory) : true,
    barcode: cells.barcode ? cells.barcode : null,
  }));
  if (!converted.ok) return converted;
  const parsed = createProductInput.safeParse(converted.data);
  if (parsed.success) {
    const { producerId: _p, maxPerCart: _m, ...data } = parsed.data;
    return {
      ok: true,
      data: {
        ...data,
        minStockLevel: data.minStockLevel ?? 0,
        leadTimeDays: data.leadTimeDays ?? 7,
        trackInventory: data.trackInventory ?? true,
        barcode: data.barcode ?? null,
      },
    };
  }
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? "sku");
  return { ok: false, column: FIELD_TO_COLUMN[field] ?? field, reason: issue?.message ?? "invalid" };
}

export function parseStockRow(cells: Record<string, string>): RowResult<StockRowData> {
  return attempt(() => {
    const need = (column: string, max: number) => {
      const v = cells[column] ?? "";
      if (!v) throw new CellError(column, "required");
      if (v.length > max) throw new CellError(column, `longer than ${max} characters`);
      return v;
    };
    const sku = need("sku", 64);
    const location = need("location", 100);
    const lotNumber = need("lot_number", 64);
    const expiry = cells.expiry ? parseDay("expiry", cells.expiry) : null;
    const quantity = parseWhole("quantity", need("quantity", 12));
    if (quantity < 0) throw new CellError("quantity", "cannot be negative");
    if (quantity > MAX_STOCK_CHANGE) throw new CellError("quantity", `more than ${MAX_STOCK_CHANGE}`);
    const unitCostCents = cells.unit_cost ? parseMoney("unit_cost", cells.unit_cost) : null;
    return { sku, location, lotNumber, expiry, quantity, unitCostCents };
  });
}
