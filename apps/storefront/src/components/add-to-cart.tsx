import { addToCart, useCart } from "../lib/cart-store.ts";
import type { CatalogItem } from "../lib/catalog-item.ts";

export function AddToCart({ product }: { product: CatalogItem }) {
  const cart = useCart();
  const inCart = cart.lines.find((line) => line.productId === product.id)?.quantity ?? 0;
  const isSoldOut = product.available !== null && product.available <= 0;
  return (
    <div className="add-to-cart">
      <button
        type="button"
        className="button button-small"
        disabled={isSoldOut}
        aria-label={`Add ${product.name} to cart`}
        onClick={() =>
          addToCart({
            productId: product.id,
            name: product.name,
            producerName: product.producerName,
            priceCents: product.priceCents,
            thumbUrl: product.image?.thumbUrl ?? null,
          })
        }
      >
        {inCart > 0 ? "Add one more" : "Add to cart"}
      </button>
      <span className="in-cart" aria-live="polite">
        {inCart > 0 ? `${inCart} in cart` : ""}
      </span>
    </div>
  );
}
