import { Link } from "@tanstack/react-router";
import { cartCount, useCart } from "../lib/cart-store.ts";

export function ShopNav() {
  const count = cartCount(useCart());
  // Always there: signed-in customers, guests with orders in this browser, and "find my order" start from it.
  return (
    <nav className="shop-nav" aria-label="Your shopping">
      <Link to="/orders" className="nav-link" activeProps={{ "aria-current": "page" }}>
        <span className="nav-label-long">Your orders</span>
        <span className="nav-label-short" aria-hidden="true">
          Orders
        </span>
      </Link>
      <Link
        to="/cart"
        className="nav-link cart-link"
        activeProps={{ "aria-current": "page" }}
        aria-label={`Cart, ${count === 1 ? "1 item" : `${count} items`}`}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" className="cart-icon">
          <path d="M3 4h2.2l2.3 10.3a1 1 0 0 0 1 .7h8.6a1 1 0 0 0 1-.8L20 8H6" />
          <circle cx="9.5" cy="19" r="1.4" />
          <circle cx="17" cy="19" r="1.4" />
        </svg>
        Cart
        <span className="cart-count">{count}</span>
      </Link>
    </nav>
  );
}
