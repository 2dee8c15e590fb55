import { useState } from "react";
import { capMessage, lineCap } from "../lib/cart-limit.ts";
import { addToCart, isHoldLive, MAX_QUANTITY, useCart } from "../lib/cart-store.ts";

/** What adding to the cart needs to know of a product (a catalog card's item or the product page's). */
export interface BuyableItem {
  id: string;
  name: string;
  producerName: string;
  priceCents: number;
  thumbUrl: string | null;
  /** Units a customer can hold now (this cart's own held units not counted); null = unlimited. */
  available: number | null;
  maxPerOrder: number;
}

/**
 * "Add to cart", capped at what is available and at the product's limit per order, saying which
 * limit stopped it. With `withQuantity` (the product page) the shopper picks how many.
 */
export function AddToCart({ item, withQuantity = false }: { item: BuyableItem; withQuantity?: boolean }) {
  const cart = useCart();
  const [quantity, setQuantity] = useState("1");
  const inCart = cart.lines.find((line) => line.productId === item.id)?.quantity ?? 0;
  // Units this cart holds are not "available" to it in the catalog's count, but are its own.
  const held = isHoldLive(cart.hold) ? (cart.hold.holds.find((h) => h.productId === item.id)?.quantity ?? 0) : 0;
  const cap = lineCap({ available: item.available === null ? null : item.available + held, maxPerOrder: item.maxPerOrder });
  const isSoldOut = cap.reason === "available" && cap.max <= 0;
  const isAtCap = !isSoldOut && inCart >= cap.max;
  const wanted = Number(quantity);

  const add = () => {
    const units = Number.isInteger(wanted) && wanted >= 1 ? wanted : 1;
    const { thumbUrl, id: productId, name, producerName, priceCents, maxPerOrder } = item;
    addToCart({ productId, name, producerName, priceCents, thumbUrl, maxPerOrder }, { quantity: withQuantity ? units : 1, max: cap.max });
    setQuantity("1");
  };

  return (
    <div className={withQuantity ? "add-to-cart add-to-cart-large" : "add-to-cart"}>
      <div className="add-to-cart-row">
        {withQuantity ? (
          <label className="add-quantity">
            <span>Quantity</span>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_QUANTITY}
              value={quantity}
              disabled={isSoldOut || isAtCap}
              onChange={(event) => setQuantity(event.target.value)}
            />
          </label>
        ) : null}
        <button
          type="button"
          className={withQuantity ? "button" : "button button-small"}
          disabled={isSoldOut || isAtCap}
          aria-label={`Add ${item.name} to cart`}
          onClick={add}
        >
          {isSoldOut ? "Sold out" : inCart > 0 && !withQuantity ? "Add one more" : "Add to cart"}
        </button>
        <span className="in-cart" aria-live="polite">
          {inCart > 0 ? `${inCart} in cart` : ""}
        </span>
      </div>
      <p className="cart-limit-note" role="status">
        {isAtCap ? capMessage(cap) : ""}
      </p>
    </div>
  );
}
