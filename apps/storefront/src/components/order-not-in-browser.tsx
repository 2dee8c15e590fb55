import { Link } from "@tanstack/react-router";

/** An order opened without the cart that placed it and without signing in: offer both ways back to it. */
export function OrderNotInBrowser() {
  return (
    <div className="notice-page">
      <h1>Order not found in this browser</h1>
      <p>Orders show in the browser they were placed from. To see it here, sign in with the email you ordered with, or find it by its reference.</p>
      <div className="confirmation-actions">
        <Link to="/sign-in" className="button">
          Sign in
        </Link>
        <Link to="/orders/find" className="button button-secondary">
          Find my order
        </Link>
      </div>
    </div>
  );
}
