import type { Order } from "../../lib/api-types.ts";
import { Section } from "../section.tsx";

/** Who ordered (email and phone as links) and where the order goes: the delivery address or the collection point. */
export function OrderCustomer({ order }: { order: Order }) {
  const { customer, deliveryAddress, collectionLocation } = order;
  return (
    <Section title="Customer" className="order-customer-panel">
      {customer ? (
        <dl className="order-facts">
          <dt>Name</dt>
          <dd>{customer.name ?? "—"}</dd>
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${customer.email}`}>{customer.email}</a>
          </dd>
          <dt>Phone</dt>
          <dd>{customer.phone ? <a href={`tel:${customer.phone.replace(/[^\d+]/g, "")}`}>{customer.phone}</a> : "—"}</dd>
          <dt>{collectionLocation ? "Collect from" : "Deliver to"}</dt>
          <dd>
            {collectionLocation ? (
              <>
                {collectionLocation.name} <span className="muted small">(collection)</span>
              </>
            ) : deliveryAddress ? (
              <AddressLines address={deliveryAddress} />
            ) : (
              "—"
            )}
          </dd>
        </dl>
      ) : (
        <p className="muted">This order was placed before checkout asked for contact details.</p>
      )}
    </Section>
  );
}

export function AddressLines({ address }: { address: NonNullable<Order["deliveryAddress"]> }) {
  return (
    <address className="address">
      {[address.line1, address.line2, address.city, address.postcode, address.country].filter(Boolean).map((line) => (
        <span key={line}>{line}</span>
      ))}
    </address>
  );
}
