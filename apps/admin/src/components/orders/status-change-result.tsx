import type { ApiOutputs, Order } from "../../lib/api-types.ts";
import { formatCount, formatSigned } from "../../lib/format.ts";
import { Badge, ORDER_STATUS_LABELS } from "../badges.tsx";

export type StatusChange = ApiOutputs["orders"]["setStatus"];

/** What the last transition did; when stock left on hand, the movements it wrote. */
export function StatusChangeResult({ change, order }: { change: StatusChange; order: Order }) {
  const lots = new Map(order.lines.flatMap((line) => line.lots.map((lot) => [lot.lotId, lot.lotNumber] as const)));
  const products = new Map(order.lines.map((line) => [line.productId, line.name] as const));
  return (
    <div className="status-change" role="status">
      <p>
        Order {order.reference} is now <strong>{ORDER_STATUS_LABELS[change.status].toLowerCase()}</strong>.
      </p>
      {change.movements.length > 0 ? (
        <div className="stock-updated">
          <Badge tone="success">Stock updated</Badge>
          <ul className="plain-list" aria-label="Stock movements written">
            {change.movements.map((movement) => {
              // A lot that expired before dispatch is swapped for another (FEFO), so the lot may be new to this page.
              const lotNumber = lots.get(movement.lotId);
              return (
                <li key={movement.id}>
                  {products.get(movement.productId) ?? "Product"}
                  {lotNumber ? `, lot ${lotNumber}` : null}: {formatSigned(movement.quantity)} (on hand {formatCount(movement.previousOnHand)} →{" "}
                  {formatCount(movement.newOnHand)})
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
