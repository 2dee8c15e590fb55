import type { Order } from "../../lib/api-types.ts";
import { formatCount, formatDateTime, formatDay } from "../../lib/format.ts";
import { AddressLines } from "./order-customer.tsx";

/** What the picker needs on paper: who and where, and every line's lots (with use-by) to tick off. */
export function PackingSlip({ order }: { order: Order }) {
  const units = order.lines.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <article className="packing-slip" aria-label="Packing slip">
      <header className="packing-slip-header">
        <div>
          <p className="packing-slip-producer">{order.producerName}</p>
          <h1>Packing slip {order.reference}</h1>
          <p>
            Order {order.reference} · placed {formatDateTime(order.createdAt)}
          </p>
        </div>
        <dl className="packing-slip-to">
          <dt>{order.collectionLocation ? "Collection at" : "Deliver to"}</dt>
          <dd>
            <strong>{order.customer?.name ?? order.customer?.email ?? "—"}</strong>
            {order.collectionLocation ? (
              <span>{order.collectionLocation.name}</span>
            ) : order.deliveryAddress ? (
              <AddressLines address={order.deliveryAddress} />
            ) : null}
            {order.customer?.phone ? <span>{order.customer.phone}</span> : null}
            {order.customer?.email ? <span>{order.customer.email}</span> : null}
          </dd>
        </dl>
      </header>
      <table className="packing-slip-lines">
        <caption className="visually-hidden">Items to pick</caption>
        <thead>
          <tr>
            <th scope="col">Picked</th>
            <th scope="col">Product</th>
            <th scope="col">Lot</th>
            <th scope="col">Use by</th>
            <th scope="col">Location</th>
            <th scope="col" className="numeric">
              Quantity
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.flatMap((line) => {
            const picks = line.lots.length ? line.lots : [null];
            return picks.map((lot, index) => (
              <tr key={`${line.productId}-${lot?.lotId ?? "untracked"}`}>
                <td>
                  <input type="checkbox" aria-label={`Picked ${line.name}${lot ? `, lot ${lot.lotNumber}` : ""}`} />
                </td>
                <td>
                  {index === 0 ? (
                    <>
                      {line.name} <span className="sku">{line.sku}</span>
                    </>
                  ) : null}
                </td>
                <td>{lot ? lot.lotNumber : <span className="muted">Not tracked</span>}</td>
                <td>{lot?.expiryDate ? formatDay(lot.expiryDate) : "—"}</td>
                <td>{lot?.location ?? "—"}</td>
                <td className="numeric">{formatCount(lot ? lot.quantity : line.quantity)}</td>
              </tr>
            ));
          })}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={5}>Total units</td>
            <td className="numeric">{formatCount(units)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="packing-slip-sign">Packed by ____________________ Checked by ____________________</p>
    </article>
  );
}
