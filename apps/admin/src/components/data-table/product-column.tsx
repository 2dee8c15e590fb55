import { Link } from "@tanstack/react-router";
import { column } from "./columns.tsx";

interface ProductRef {
  productId: string;
  name: string;
  sku?: string;
}

/** The "Product" column most tables open with: the product's name linking to its page, and its SKU. */
export function productColumn<T>(product: (row: T) => ProductRef, header = "Product") {
  return column<T>(
    header,
    (row) => {
      const { productId, name, sku } = product(row);
      return (
        <>
          <Link to="/inventory/$productId" params={{ productId }}>
            {name}
          </Link>
          {sku === undefined ? null : <span className="sku">{sku}</span>}
        </>
      );
    },
    { className: "cell-title" },
  );
}
