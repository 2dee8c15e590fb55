import type { Db, Tx } from "@stockroom/db";
import type { RowAction } from "./classify-stock-rows.ts";
import type { ProductRowData } from "./parse-import-row.ts";

export interface ClassifiedProductRow {
  line: number;
  action: RowAction;
  row: ProductRowData;
  /** The existing product (UPDATE / UNCHANGED). */
  productId: string | null;
}

const COMPARED = ["name", "category", "priceCents", "unitCostCents", "minStockLevel", "leadTimeDays", "trackInventory", "barcode"] as const;

/** Products by SKU: a new SKU is created, an existing one updated where a column differs, else left alone. */
export async function classifyProductRows(db: Db | Tx, producerId: string, rows: { line: number; row: ProductRowData }[]): Promise<ClassifiedProductRow[]> {
  const existing = await db.product.findMany({ where: { producerId, sku: { in: rows.map((r) => r.row.sku) } } });
  const bySku = new Map(existing.map((p) => [p.sku, p]));
  return rows.map(({ line, row }) => {
    const product = bySku.get(row.sku);
    if (!product) return { line, row, action: "CREATE", productId: null };
    const same = COMPARED.every((key) => product[key] === row[key]);
    return { line, row, action: same ? "UNCHANGED" : "UPDATE", productId: product.id };
  });
}
