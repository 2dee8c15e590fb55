import { formatMoney } from "@stockroom/ui";
import type { ApiOutputs } from "../lib/api-types.ts";
import { formatCount, formatDecimal, formatPercent } from "../lib/format.ts";
import { column } from "./data-table/columns.tsx";
import { DataTable } from "./data-table/data-table.tsx";
import { productColumn } from "./data-table/product-column.tsx";
import { DraftPoButton } from "./purchasing/draft-po-button.tsx";

type ProfitRow = ApiOutputs["reports"]["profitability"]["products"][number];
type RestockRow = ApiOutputs["reports"]["restock"][number];

const PROFIT_COLUMNS = [
  productColumn<ProfitRow>((product) => ({ productId: product.productId, name: product.name })),
  column<ProfitRow>("Category", (product) => product.category),
  column<ProfitRow>("Units", (product) => formatCount(product.units), { numeric: true }),
  column<ProfitRow>("Revenue", (product) => formatMoney(product.revenueCents), { numeric: true }),
  column<ProfitRow>("Cost", (product) => formatMoney(product.costCents), { numeric: true }),
  column<ProfitRow>("Margin", (product) => formatMoney(product.marginCents), { numeric: true, className: "strong" }),
  column<ProfitRow>("Margin rate", (product) => formatPercent(product.marginRate), { numeric: true }),
];

/** Revenue, cost and margin per product (fulfilled order lines in the period). */
export function ProfitTable({ products }: { products: ProfitRow[] }) {
  return <DataTable data={products} columns={PROFIT_COLUMNS} getRowId={(product) => product.productId} className="data-table profit-table" />;
}

const RESTOCK_COLUMNS = [
  productColumn<RestockRow>((row) => ({ productId: row.productId, name: row.name, sku: row.sku })),
  column<RestockRow>("Available", (row) => formatCount(row.available), { numeric: true }),
  column<RestockRow>("Sold / day", (row) => formatDecimal(row.dailyVelocity), { numeric: true }),
  column<RestockRow>("Lead time", (row) => (row.leadTimeDays === 1 ? "1 day" : `${formatCount(row.leadTimeDays)} days`), { numeric: true }),
  column<RestockRow>("Safety stock", (row) => formatCount(row.safetyStock), { numeric: true }),
  column<RestockRow>("Reorder point", (row) => formatCount(row.reorderPoint), { numeric: true }),
  column<RestockRow>("Suggested order", (row) => formatCount(row.suggestedQuantity), { numeric: true, className: "strong" }),
  column<RestockRow>("Order", (row) => <DraftPoButton productId={row.productId} name={row.name} />, { className: "cell-actions", isHeaderHidden: true }),
];

/** Products at or below their reorder point, with how many to order. */
export function RestockTable({ rows }: { rows: RestockRow[] }) {
  return <DataTable data={rows} columns={RESTOCK_COLUMNS} getRowId={(row) => row.productId} className="data-table restock-table" />;
}
