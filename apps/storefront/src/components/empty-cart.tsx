import { Link } from "@tanstack/react-router";

export function EmptyCart() {
  return (
    <div className="empty-state">
      <h2>Your cart is empty</h2>
      <p className="muted">Add products from the shop to check out.</p>
      <Link to="/" className="button">
        Browse products
      </Link>
    </div>
  );
}
