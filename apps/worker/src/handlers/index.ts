import {
  checkLowStock,
  checkReorder,
  type Deps,
  deliverWebhook,
  expireCartHolds,
  expirePendingOrders,
  type Messengers,
  markLotExpiry,
  markNotificationFailed,
  notifyNewOrder,
  purgeExpiredCustomerLinks,
  purgeExpiredSessions,
  runImportApply,
  runInventoryCheck,
  sendNotification,
  sendPurchaseOrderWebhook,
  sweepExpiredHolds,
  sweepLowStock,
  sweepReorder,
} from "@stockroom/domain";
import type { JobName, ParsedJobPayload } from "@stockroom/jobs";

export interface HandlerContext {
  deps: Deps;
  messengers: Messengers;
  renotifyHours: number;
  cooldownHours: number;
  pendingOrderTtlHours: number;
}

export type JobHandler<N extends JobName> = (context: HandlerContext, payload: ParsedJobPayload<N>) => Promise<unknown>;

/** One handler per job; the runner parses the payload, each handler calls one domain function. */
export const HANDLERS: { [N in JobName]: JobHandler<N> } = {
  "auth.purge-expired-sessions": ({ deps }, payload) => purgeExpiredSessions(deps, payload),
  "customers.purge-expired": ({ deps }) => purgeExpiredCustomerLinks(deps),
  "hold.expire": ({ deps }, payload) => expireCartHolds(deps, payload),
  "hold.sweep": ({ deps }) => sweepExpiredHolds(deps),
  "stock.check-low": ({ deps, renotifyHours, cooldownHours }, payload) => checkLowStock(deps, { ...payload, renotifyHours, cooldownHours }),
  "stock.sweep-low": ({ deps, renotifyHours, cooldownHours }) => sweepLowStock(deps, { renotifyHours, cooldownHours }),
  "orders.expire-pending": ({ deps, pendingOrderTtlHours }) => expirePendingOrders(deps, { ttlHours: pendingOrderTtlHours }),
  "orders.new-order-alert": ({ deps }, payload) => notifyNewOrder(deps, payload),
  "lots.mark-expiry": ({ deps }) => markLotExpiry(deps),
  "notifications.send": ({ deps, messengers }, payload) => sendNotification(deps, messengers, payload),
  "notifications.dead": ({ deps }, payload) => markNotificationFailed(deps, payload),
  "imports.apply": ({ deps }, payload) => runImportApply(deps, payload),
  "inventory.check": ({ deps }, payload) => runInventoryCheck(deps, payload),
  "webhooks.deliver": ({ deps }, payload) => deliverWebhook(deps, payload),
  "purchasing.check-reorder": ({ deps }, payload) => checkReorder(deps, payload),
  "purchasing.sweep-reorder": ({ deps }) => sweepReorder(deps),
  "purchasing.send-webhook": ({ deps }, payload) => sendPurchaseOrderWebhook(deps, payload),
};

/** Cron schedules the worker registers at start (idempotent upserts in pg-boss), in UTC. */
export const SCHEDULES: { name: JobName; cron: string }[] = [
  { name: "auth.purge-expired-sessions", cron: "17 * * * *" },
  { name: "customers.purge-expired", cron: "27 * * * *" },
  { name: "hold.sweep", cron: "* * * * *" },
  { name: "stock.sweep-low", cron: "7 * * * *" },
  { name: "orders.expire-pending", cron: "23 * * * *" },
  { name: "lots.mark-expiry", cron: "5 0 * * *" },
  { name: "inventory.check", cron: "40 2 * * *" },
  { name: "purchasing.sweep-reorder", cron: "*/15 * * * *" },
];
