import { Link } from "@tanstack/react-router";

/** Orders are shown only to the cart token that placed them, which lives in the browser that placed them. */
export function OrderNotInBrowser() {
  return (
    <div className="notice-page">
      <h1>Order not found in this browser</h1>
      <p>We can show an order only in the browser it was placed from.</p>
      <Link to="/orders" className="button">
        Your orders
      </Link>
    </div>
  );
}
