import type { AppRouter } from "@stockroom/api/client";
import { formatMoney } from "@stockroom/ui";
import { Link } from "@tanstack/react-router";
import type { inferRouterOutputs } from "@trpc/server";

type Product = inferRouterOutputs<AppRouter>["products"]["list"][number];

interface ProductsTableProps {
  products: Product[];
  showProducer: boolean;
}

/** On phones each row becomes a card; data-label names the value in that layout. */
export function ProductsTable({ products, showProducer }: ProductsTableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table products-table">
        <thead>
          <tr>
            <th scope="col">SKU</th>
            <th scope="col">Name</th>
            {showProducer ? <th scope="col">Producer</th> : null}
            <th scope="col">Category</th>
            <th scope="col" className="numeric">
              Price
            </th>
            <th scope="col" className="numeric">
              Unit cost
            </th>
            <th scope="col" className="numeric">
              Min level
            </th>
            <th scope="col">Tracking</th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => (
            <tr key={product.id}>
              <td data-label="SKU" className="sku">
                {product.sku}
              </td>
              <td data-label="Name" className="product-name">
                <Link to="/inventory/$productId" params={{ productId: product.id }}>
                  {product.name}
                </Link>
              </td>
              {showProducer ? <td data-label="Producer">{product.producerName}</td> : null}
              <td data-label="Category">{product.category}</td>
              <td data-label="Price" className="numeric">
                {formatMoney(product.priceCents)}
              </td>
              <td data-label="Unit cost" className="numeric">
                {formatMoney(product.unitCostCents)}
              </td>
              <td data-label="Min level" className="numeric">
                {product.minStockLevel}
              </td>
              <td data-label="Tracking">
                {product.trackInventory ? <span className="badge badge-tracked">Tracked</span> : <span className="badge">Not tracked</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
