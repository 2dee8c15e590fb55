import type { CustomerOrder } from "../lib/order-queries.ts";

/** Where the order goes: the delivery address, or the producer's collection point. */
export function OrderFulfilment({ order }: { order: CustomerOrder }) {
  const { deliveryAddress: address, collectionLocation: point, customer } = order;
  if (!address && !point) return null;
  return (
    <section className="order-panel" aria-labelledby="order-fulfilment-heading">
      <h2 id="order-fulfilment-heading">{address ? "Delivery" : "Collection"}</h2>
      {address ? (
        <address className="order-address">
          {customer?.name ? <span>{customer.name}</span> : null}
          <span>{address.line1}</span>
          {address.line2 ? <span>{address.line2}</span> : null}
          <span>
            {address.city} {address.postcode}
          </span>
          <span>{address.country}</span>
        </address>
      ) : (
        <p>
          Collect from <strong>{point?.name}</strong>
          <span className="muted"> · {order.producerName}</span>
        </p>
      )}
      {customer ? <p className="muted small">Updates go to {customer.email}</p> : null}
    </section>
  );
}
