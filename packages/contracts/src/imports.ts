import { z } from "zod";
import { checkDateRange, dateRangeFields } from "./common.ts";
import { listInventoryInput } from "./reports.ts";

export const IMPORT_KINDS = ["PRODUCTS", "STOCK"] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ["VALIDATED", "QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED"] as const;

/** The columns of each kind's CSV, in template order (exports of products write the same ones). */
export const IMPORT_COLUMNS = {
  PRODUCTS: ["sku", "name", "category", "price", "unit_cost", "min_stock_level", "lead_time_days", "track_inventory", "barcode"],
  STOCK: ["sku", "location", "lot_number", "expiry", "quantity", "unit_cost"],
} as const satisfies Record<ImportKindName, readonly string[]>;

/** Columns a file may leave out (the product's defaults apply). */
export const OPTIONAL_IMPORT_COLUMNS: readonly string[] = ["min_stock_level", "lead_time_days", "track_inventory", "barcode", "expiry", "unit_cost"];

/** An upload has at most this many rows; the report keeps this many invalid rows (all are counted). */
export const MAX_IMPORT_ROWS = 200_000;
export const MAX_IMPORT_ERRORS_KEPT = 200;

export const importIdInput = z.object({ importId: z.string().uuid("Import id must be a UUID.") });
export const applyImportInput = importIdInput.extend({ skipInvalid: z.boolean().default(false) });
export const startImportInput = z.object({
  kind: z.enum(IMPORT_KINDS, { message: "Choose PRODUCTS or STOCK." }),
  fileName: z.string().trim().min(1, "Name the file.").max(200),
  producerId: z.string().uuid().optional(),
});
export const listImportsInput = z.object({ producerId: z.string().uuid().optional() });

/** CSV exports: the inventory list's filters for products and lots; a date range for movements. */
export const exportInventoryInput = listInventoryInput.pick({ producerId: true, search: true, category: true, locationId: true, status: true });
export const exportMovementsInput = z
  .object({ producerId: z.string().uuid().optional(), productId: z.string().uuid().optional(), ...dateRangeFields })
  .superRefine(checkDateRange);
