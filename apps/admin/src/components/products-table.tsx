import { formatMoney } from "@stockroom/ui";
import { Link } from "@tanstack/react-router";
import type { ApiOutputs } from "../lib/api-types.ts";
import { column, costColumn } from "./data-table/columns.tsx";
import { DataTable } from "./data-table/data-table.tsx";

type Product = ApiOutputs["products"]["list"][number];

const SKU = column<Product>("SKU", (product) => product.sku, { className: "sku" });
const NAME = column<Product>(
  "Name",
  (product) => (
    <Link to="/inventory/$productId" params={{ productId: product.id }}>
      {product.name}
    </Link>
  ),
  { className: "product-name" },
);
const PRODUCER = column<Product>("Producer", (product) => product.producerName);
const REST = [
  column<Product>("Category", (product) => product.category),
  column<Product>("Price", (product) => formatMoney(product.priceCents), { numeric: true }),
  costColumn<Product>("Unit cost", (product) => product.unitCostCents),
  column<Product>("Min level", (product) => product.minStockLevel, { numeric: true }),
  column<Product>("Tracking", (product) =>
    product.trackInventory ? <span className="badge badge-tracked">Tracked</span> : <span className="badge">Not tracked</span>,
  ),
];
const WITH_PRODUCER = [SKU, NAME, PRODUCER, ...REST];
const WITHOUT_PRODUCER = [SKU, NAME, ...REST];

/** On phones each row becomes a card; data-label names the value in that layout. */
export function ProductsTable({ products, showProducer }: { products: Product[]; showProducer: boolean }) {
  return (
    <DataTable
      data={products}
      columns={showProducer ? WITH_PRODUCER : WITHOUT_PRODUCER}
      getRowId={(product) => product.id}
      className="data-table products-table"
    />
  );
}
