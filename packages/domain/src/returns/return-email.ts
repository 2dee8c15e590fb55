import type { Tx } from "@stockroom/db";
import { queueNotifications } from "../alerts/queue-notifications.ts";
import type { Deps } from "../deps.ts";

/** Who is told about a return: the email given at checkout, else (older orders) the linked customer's. */
export function returnEmailRecipient(order: { customerEmail: string | null; customer: { email: string } | null }): string | null {
  return order.customerEmail ?? order.customer?.email ?? null;
}

/** The customer's email about one return (template `order.returned`), once per return (dedupe key). */
export async function queueReturnEmail(deps: Deps, tx: Tx, input: { orderId: string; returnId: string }): Promise<string[]> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: input.orderId },
    include: { customer: { select: { email: true } }, producer: { select: { name: true } } },
  });
  const recipient = returnEmailRecipient(order);
  if (!recipient) return [];
  const lines = await tx.orderReturnLine.findMany({
    where: { orderReturnId: input.returnId },
    include: { orderLine: { select: { product: { select: { name: true } } } } },
    orderBy: { id: "asc" },
  });
  const units = lines.reduce((sum, l) => sum + l.quantity, 0);
  const items = lines.map((l) => `- ${l.quantity} × ${l.orderLine.product.name}`).join("\n");
  return queueNotifications(
    deps,
    tx,
    { recipients: { EMAIL: [recipient], SMS: [], WHATSAPP: [] }, quietHours: null },
    {
      producerId: order.producerId,
      eventKey: `order.returned:${input.returnId}`,
      channels: ["EMAIL"],
      template: "order.returned",
      subject: `${order.producer.name}: return received for order ${order.reference}`,
      body: `${order.producer.name} has received ${units} returned item(s) from your order ${order.reference}:\n${items}\n\nThank you.`,
    },
  );
}
