import type { Tx } from "@stockroom/db";
import { queueNotifications } from "../alerts/queue-notifications.ts";
import type { Deps } from "../deps.ts";
import { CUSTOMER_EMAIL_EVENTS, type CustomerEmailEvent, type OrderEmailFacts, renderOrderEmail } from "./customer-email-templates.ts";

/** PUBLIC_URL when deps do not say (the server's own default). */
export const DEFAULT_PUBLIC_URL = "http://localhost:3000";

const isCustomerEmailEvent = (event: string): event is CustomerEmailEvent => (CUSTOMER_EMAIL_EVENTS as readonly string[]).includes(event);

/**
 * Queues the customer's email for one order event (placed, or the status it just reached), in the
 * caller's transaction: the Notification row and its send job commit or roll back with the change.
 * The dedupe key `order-email:<orderId>:<event>` makes a repeated or concurrent call a no-op, so each
 * transition mails once. Transactional mail: no quiet hours. Orders without an email get nothing.
 * Returns the notification id, or null when nothing was queued.
 */
export async function queueCustomerOrderEmail(deps: Deps, tx: Tx, input: { orderId: string; event: string }): Promise<string | null> {
  const { orderId, event } = input;
  if (!isCustomerEmailEvent(event) || deps.isMailingCustomers === false) return null;
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      producerId: true,
      reference: true,
      customerName: true,
      customerEmail: true,
      fulfilment: true,
      deliveryLine1: true,
      deliveryLine2: true,
      deliveryCity: true,
      deliveryPostcode: true,
      deliveryCountry: true,
      cancelReason: true,
      producer: { select: { name: true } },
      collectionLocation: { select: { name: true } },
      lines: { select: { quantity: true, unitPriceCents: true, product: { select: { name: true } } }, orderBy: { id: "asc" } },
    },
  });
  if (!order?.customerEmail) return null;
  const cityLine = [order.deliveryCity, order.deliveryPostcode].filter(Boolean).join(" ");
  const facts: OrderEmailFacts = {
    reference: order.reference,
    producerName: order.producer.name,
    customerName: order.customerName,
    fulfilment: order.fulfilment,
    address: [order.deliveryLine1, order.deliveryLine2, cityLine, order.deliveryCountry].filter((l): l is string => Boolean(l)),
    collectionPoint: order.collectionLocation?.name ?? null,
    lines: order.lines.map((l) => ({ name: l.product.name, quantity: l.quantity, unitPriceCents: l.unitPriceCents })),
    cancelReason: order.cancelReason,
    orderUrl: `${(deps.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, "")}/orders/${order.id}`,
  };
  const { subject, body } = renderOrderEmail(event, facts);
  const [id] = await queueNotifications(
    deps,
    tx,
    { recipients: { EMAIL: [order.customerEmail], SMS: [], WHATSAPP: [] }, lowStockChannels: [], escalationChannels: [], expiryChannels: [], quietHours: null },
    {
      producerId: order.producerId,
      eventKey: `order-email:${order.id}:${event}`,
      channels: ["EMAIL"],
      template: `order.${event.toLowerCase()}`,
      subject,
      body,
    },
  );
  return id ?? null;
}
