import { formatMoney } from "@stockroom/ui";
import type { ReactNode } from "react";
import { type CartLine, cartTotalCents } from "../lib/cart-store.ts";

/** Item count and total, with the page's main action below. */
export function OrderSummary({ lines, children }: { lines: CartLine[]; children: ReactNode }) {
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <aside className="order-summary" aria-label="Order summary">
      <h2>Summary</h2>
      <dl>
        <div>
          <dt>Items</dt>
          <dd>{count}</dd>
        </div>
        <div className="summary-total">
          <dt>Total</dt>
          <dd>{formatMoney(cartTotalCents(lines))}</dd>
        </div>
      </dl>
      <p className="muted small">No payment online: the producer confirms your order and you pay on collection or delivery.</p>
      {children}
    </aside>
  );
}
