import type { Tx } from "@stockroom/db";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { alertSettingsFor } from "./alert-settings.ts";
import { queueNotifications } from "./queue-notifications.ts";

// The platform trades in one currency (as packages/ui's formatMoney).
const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** Called by placeOrder in its transaction: one job per placed order, so a rolled-back order sends nothing. */
export async function enqueueNewOrderAlerts(deps: Deps, tx: Tx, orderIds: string[]): Promise<void> {
  for (const orderId of orderIds) await deps.jobs.send("orders.new-order-alert", { orderId }, { tx });
}

export type NewOrderAlertOutcome = "sent" | "already-sent" | "switched-off" | "stale";

/**
 * An order placed longer ago than this gets no alert (a worker that was down, the demo's simulated
 * history): by then it is not news, and a backlog must not flood the recipients.
 */
export const NEW_ORDER_ALERT_MAX_AGE_HOURS = 24;

/**
 * Tells the producer's alert recipients about a new order ("New order GL-1001: 3 items, £12.40"),
 * on the low-stock channels, after quiet hours. Once per order: the dedupe key is the order's, so a
 * redelivered job creates nothing.
 */
export async function notifyNewOrder(deps: Deps, input: { orderId: string }): Promise<{ outcome: NewOrderAlertOutcome; notifications: number }> {
  return deps.db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: input.orderId }, include: { lines: { select: { quantity: true, unitPriceCents: true } } } });
    if (!order) throw notFound("Order");
    if (deps.clock.now().getTime() - order.createdAt.getTime() > NEW_ORDER_ALERT_MAX_AGE_HOURS * 3_600_000) return { outcome: "stale", notifications: 0 };
    const settings = await alertSettingsFor(tx, order.producerId);
    if (!settings.newOrderAlerts) return { outcome: "switched-off", notifications: 0 };
    const items = order.lines.reduce((sum, l) => sum + l.quantity, 0);
    const total = money.format(order.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0) / 100);
    const summary = `${items} item${items === 1 ? "" : "s"}, ${total}`;
    const ids = await queueNotifications(deps, tx, settings, {
      producerId: order.producerId,
      eventKey: `order.new:${order.id}`,
      channels: settings.lowStockChannels,
      template: "order.new",
      subject: `New order ${order.reference}: ${summary}`,
      body: `New order ${order.reference}: ${summary}. Confirm it in Stockroom.`,
    });
    return { outcome: ids.length > 0 ? "sent" : "already-sent", notifications: ids.length };
  });
}
