import { formatMoney } from "@stockroom/ui";
import { Link } from "@tanstack/react-router";
import type { ApiOutputs } from "../lib/api-types.ts";
import { formatCount, formatDecimal, formatPercent } from "../lib/format.ts";

/** Revenue, cost and margin per product (fulfilled order lines in the period). */
export function ProfitTable({ products }: { products: ApiOutputs["reports"]["profitability"]["products"] }) {
  return (
    <div className="table-wrap">
      <table className="data-table profit-table">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Category</th>
            <th scope="col" className="numeric">
              Units
            </th>
            <th scope="col" className="numeric">
              Revenue
            </th>
            <th scope="col" className="numeric">
              Cost
            </th>
            <th scope="col" className="numeric">
              Margin
            </th>
            <th scope="col" className="numeric">
              Margin rate
            </th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => (
            <tr key={product.productId}>
              <td data-label="Product" className="cell-title">
                <Link to="/inventory/$productId" params={{ productId: product.productId }}>
                  {product.name}
                </Link>
              </td>
              <td data-label="Category">{product.category}</td>
              <td data-label="Units" className="numeric">
                {formatCount(product.units)}
              </td>
              <td data-label="Revenue" className="numeric">
                {formatMoney(product.revenueCents)}
              </td>
              <td data-label="Cost" className="numeric">
                {formatMoney(product.costCents)}
              </td>
              <td data-label="Margin" className="numeric strong">
                {formatMoney(product.marginCents)}
              </td>
              <td data-label="Margin rate" className="numeric">
                {formatPercent(product.marginRate)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Products at or below their reorder point, with how many to order. */
export function RestockTable({ rows }: { rows: ApiOutputs["reports"]["restock"] }) {
  return (
    <div className="table-wrap">
      <table className="data-table restock-table">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" className="numeric">
              Available
            </th>
            <th scope="col" className="numeric">
              Sold / day
            </th>
            <th scope="col" className="numeric">
              Lead time
            </th>
            <th scope="col" className="numeric">
              Safety stock
            </th>
            <th scope="col" className="numeric">
              Reorder point
            </th>
            <th scope="col" className="numeric">
              Suggested order
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.productId}>
              <td data-label="Product" className="cell-title">
                <Link to="/inventory/$productId" params={{ productId: row.productId }}>
                  {row.name}
                </Link>
                <span className="sku">{row.sku}</span>
              </td>
              <td data-label="Available" className="numeric">
                {formatCount(row.available)}
              </td>
              <td data-label="Sold / day" className="numeric">
                {formatDecimal(row.dailyVelocity)}
              </td>
              <td data-label="Lead time" className="numeric">
                {row.leadTimeDays === 1 ? "1 day" : `${formatCount(row.leadTimeDays)} days`}
              </td>
              <td data-label="Safety stock" className="numeric">
                {formatCount(row.safetyStock)}
              </td>
              <td data-label="Reorder point" className="numeric">
                {formatCount(row.reorderPoint)}
              </td>
              <td data-label="Suggested order" className="numeric strong">
                {formatCount(row.suggestedQuantity)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
