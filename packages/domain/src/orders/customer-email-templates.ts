/** What a customer order email says: plain text, one subject and body per event. No database here. */

export const CUSTOMER_EMAIL_EVENTS = ["PLACED", "CONFIRMED", "DISPATCHED", "DELIVERED", "CANCELLED"] as const;
export type CustomerEmailEvent = (typeof CUSTOMER_EMAIL_EVENTS)[number];

export interface OrderEmailFacts {
  reference: string;
  producerName: string;
  customerName: string | null;
  fulfilment: "DELIVERY" | "COLLECTION" | null;
  /** Delivery address lines, already joined per line (empty for collection). */
  address: string[];
  collectionPoint: string | null;
  lines: { name: string; quantity: number; unitPriceCents: number }[];
  cancelReason: string | null;
  /** `<PUBLIC_URL>/orders/<id>`. */
  orderUrl: string;
}

const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const formatMoney = (cents: number) => money.format(cents / 100);

function linesBlock(facts: OrderEmailFacts): string {
  const rows = facts.lines.map((l) => `  ${l.quantity} x ${l.name}  ${formatMoney(l.quantity * l.unitPriceCents)}`);
  const total = facts.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
  return [...rows, `Total: ${formatMoney(total)}`].join("\n");
}

function whereBlock(facts: OrderEmailFacts): string | null {
  if (facts.fulfilment === "COLLECTION") return `Collection from: ${facts.collectionPoint ?? facts.producerName}`;
  if (facts.address.length > 0) return ["Delivery to:", ...facts.address.map((line) => `  ${line}`)].join("\n");
  return null;
}

const isCollection = (facts: OrderEmailFacts) => facts.fulfilment === "COLLECTION";

function subjectFor(event: CustomerEmailEvent, facts: OrderEmailFacts): string {
  const order = `${facts.producerName} order ${facts.reference}`;
  switch (event) {
    case "PLACED":
      return `We have received your ${order}`;
    case "CONFIRMED":
      return `Your ${order} is confirmed`;
    case "DISPATCHED":
      return isCollection(facts) ? `Your ${order} is ready to collect` : `Your ${order} has been dispatched`;
    case "DELIVERED":
      return isCollection(facts) ? `Your ${order} has been collected` : `Your ${order} has been delivered`;
    case "CANCELLED":
      return `Your ${order} has been cancelled`;
  }
}

function messageFor(event: CustomerEmailEvent, facts: OrderEmailFacts): (string | null)[] {
  const { reference, producerName } = facts;
  switch (event) {
    case "PLACED":
      return [
        `Thank you for your order ${reference} from ${producerName}. We have received it and will confirm it soon.`,
        linesBlock(facts),
        whereBlock(facts),
      ];
    case "CONFIRMED":
      return [`${producerName} has confirmed your order ${reference} and is getting it ready.`, linesBlock(facts)];
    case "DISPATCHED":
      return isCollection(facts)
        ? [`Your order ${reference} is ready to collect from ${facts.collectionPoint ?? producerName}.`]
        : [`Your order ${reference} has been dispatched by ${producerName}.`, whereBlock(facts)];
    case "DELIVERED":
      return isCollection(facts)
        ? [`Your order ${reference} has been collected. Thank you for shopping with ${producerName}.`]
        : [`Your order ${reference} has been delivered. Thank you for shopping with ${producerName}.`];
    case "CANCELLED":
      return [
        `Your order ${reference} from ${producerName} has been cancelled.`,
        facts.cancelReason ? `Reason: ${facts.cancelReason}` : null,
        "Nothing more will be sent for this order.",
      ];
  }
}

/** The subject and plain-text body of one customer order email. */
export function renderOrderEmail(event: CustomerEmailEvent, facts: OrderEmailFacts): { subject: string; body: string } {
  const greeting = facts.customerName ? `Hello ${facts.customerName},` : "Hello,";
  const parts = [greeting, ...messageFor(event, facts), `See your order: ${facts.orderUrl}`, facts.producerName];
  return { subject: subjectFor(event, facts), body: parts.filter((p): p is string => Boolean(p)).join("\n\n") };
}
