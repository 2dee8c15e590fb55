import type { Tx } from "@stockroom/db";
import type { JobQueue, SendOptions } from "@stockroom/jobs";
import type { Deps } from "../deps.ts";
import { enqueueReorderChecks } from "../purchasing/check-reorder.ts";
import { sqlTimestamp, utcDay } from "../stock/sql-time.ts";
import { stockTransaction } from "../stock/transaction-options.ts";
import { alertSettingsFor } from "./alert-settings.ts";
import { queueNotifications } from "./queue-notifications.ts";

export interface LowStockCheckInput {
  productId: string;
  /** Re-notify an open alert this long after the last notice (24 h by default). */
  renotifyHours?: number;
  /**
   * An alert re-opened this soon after the product's last alert was resolved sends nothing (4 h by
   * default): holding and releasing stock in a loop must not make the platform send a message per loop.
   */
  cooldownHours?: number;
}

export const DEFAULT_LOW_STOCK_COOLDOWN_HOURS = 4;

export type LowStockOutcome = "not-tracked" | "ok" | "opened" | "reopened-quietly" | "still-low" | "escalated" | "resolved";

/**
 * The low-stock lifecycle for one product: OPEN when availability drops below the minimum (notify),
 * re-notify with a higher escalation level every renotifyHours while still low, RESOLVED when back
 * at or above the minimum. Idempotent and safe to run concurrently: one open alert per product
 * (partial unique index), escalation by a conditional update, messages deduplicated by key.
 */
export async function checkLowStock(deps: Deps, input: LowStockCheckInput): Promise<{ outcome: LowStockOutcome; notifications: number }> {
  const renotifyMs = (input.renotifyHours ?? 24) * 3_600_000;
  const cooldownMs = (input.cooldownHours ?? DEFAULT_LOW_STOCK_COOLDOWN_HOURS) * 3_600_000;
  return stockTransaction(deps, async (tx) => {
    const now = deps.clock.now();
    const [product] = await tx.$queryRaw<
      { id: string; name: string; sku: string; producerId: string; minStockLevel: number; trackInventory: boolean; available: number; isLow: boolean }[]
    >`
      SELECT p.id, p.name, p.sku, p."producerId", p."minStockLevel", p."trackInventory", a.available, stock_is_low(a.available, p."minStockLevel") AS "isLow"
      FROM "Product" p JOIN stock_available_many(ARRAY[${input.productId}::uuid], ${sqlTimestamp(now)}::timestamp, ${utcDay(now)}::date) a ON a.product_id = p.id`;
    if (!product?.trackInventory) return { outcome: "not-tracked", notifications: 0 };
    // The hold paths queue only this check (products now low), never the reorder one: it is queued here,
    // off the hot path, for a product with a preferred supplier. The reorder sweep covers the rest.
    if (product.isLow) await enqueueReorderChecks(deps, tx, [product.id]);
    const { isLow } = product;
    const open = await tx.lowStockAlert.findFirst({ where: { productId: product.id, status: "OPEN" } });

    if (!isLow) {
      if (!open) return { outcome: "ok", notifications: 0 };
      await tx.lowStockAlert.updateMany({
        where: { id: open.id, status: "OPEN" },
        data: { status: "RESOLVED", resolvedAt: now, available: product.available },
      });
      await tx.product.update({ where: { id: product.id }, data: { lowStockNotifiedAt: null } });
      return { outcome: "resolved", notifications: 0 };
    }

    if (!open) {
      // Within the cooldown of the last resolved alert the new one opens quietly, and its 24 h
      // reminder counts from that alert's last notice.
      const recent = await tx.lowStockAlert.findFirst({
        where: { productId: product.id, status: "RESOLVED", resolvedAt: { gt: new Date(now.getTime() - cooldownMs) } },
        orderBy: { resolvedAt: "desc" },
      });
      const lastNotifiedAt = recent?.lastNotifiedAt ?? now;
      const [opened] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "LowStockAlert" (id, "productId", "producerId", status, "availableAtOpen", "minimumAtOpen", available, "openedAt", "notifyCount", "lastNotifiedAt", "reachedZeroAt")
        VALUES (gen_random_uuid(), ${product.id}::uuid, ${product.producerId}::uuid, 'OPEN', ${product.available}, ${product.minStockLevel}, ${product.available},
                ${sqlTimestamp(now)}::timestamp, ${recent ? 0 : 1}, ${sqlTimestamp(lastNotifiedAt)}::timestamp,
                CASE WHEN ${product.available} = 0 THEN ${sqlTimestamp(now)}::timestamp END)
        ON CONFLICT ("productId") WHERE status = 'OPEN' DO NOTHING RETURNING id`;
      if (!opened) return { outcome: "still-low", notifications: 0 };
      if (recent) {
        // Marked as notified, so a rise resolves it like any open alert.
        await tx.product.update({ where: { id: product.id }, data: { lowStockNotifiedAt: now } });
        return { outcome: "reopened-quietly", notifications: 0 };
      }
      const sent = await notifyLow(deps, tx, product, { alertId: opened.id, level: 0, notice: 1 });
      return { outcome: "opened", notifications: sent };
    }

    await tx.lowStockAlert.update({
      where: { id: open.id },
      data: { available: product.available, ...(product.available === 0 && !open.reachedZeroAt ? { reachedZeroAt: now } : {}) },
    });
    if (!open.lastNotifiedAt || now.getTime() - open.lastNotifiedAt.getTime() < renotifyMs) return { outcome: "still-low", notifications: 0 };
    const escalated = await tx.lowStockAlert.updateMany({
      where: { id: open.id, status: "OPEN", lastNotifiedAt: open.lastNotifiedAt },
      data: { escalationLevel: { increment: 1 }, notifyCount: { increment: 1 }, lastNotifiedAt: now },
    });
    if (escalated.count === 0) return { outcome: "still-low", notifications: 0 };
    const sent = await notifyLow(deps, tx, product, { alertId: open.id, level: open.escalationLevel + 1, notice: open.notifyCount + 1 });
    return { outcome: "escalated", notifications: sent };
  });
}

async function notifyLow(
  deps: Deps,
  tx: Tx,
  product: { id: string; name: string; sku: string; producerId: string; minStockLevel: number; available: number },
  alert: { alertId: string; level: number; notice: number },
): Promise<number> {
  const settings = await alertSettingsFor(tx, product.producerId);
  const channels = alert.level === 0 ? settings.lowStockChannels : [...settings.lowStockChannels, ...settings.escalationChannels];
  const state = product.available === 0 ? "OUT OF STOCK" : "low on stock";
  const ids = await queueNotifications(deps, tx, settings, {
    producerId: product.producerId,
    eventKey: `low-stock:${alert.alertId}:${alert.notice}`,
    channels,
    template: alert.level === 0 ? "low-stock" : "low-stock-escalation",
    subject: `${alert.level > 0 ? `[Reminder ${alert.level}] ` : ""}${product.name} is ${state}`,
    body: `${product.name} (${product.sku}) is ${state}: ${product.available} available, minimum ${product.minStockLevel}.${alert.level > 0 ? ` Still unresolved (reminder ${alert.level}).` : ""} Restock or adjust the minimum in Stockroom.`,
  });
  await tx.product.update({ where: { id: product.id }, data: { lowStockNotifiedAt: deps.clock.now() } });
  return ids.length;
}

/**
 * Hourly safety net: every tracked product with a minimum, and every open alert. The products that
 * can change are picked set-wise by the same rule stock changes use (`stock_needs_low_check`: below
 * the minimum, or notified and not yet resolved); only those get the per-product check (its own
 * transaction, locks and writes).
 */
export async function sweepLowStock(deps: Deps, input: { renotifyHours?: number; cooldownHours?: number } = {}): Promise<{ checked: number; changed: number }> {
  const now = deps.clock.now();
  const [row] = await deps.db.$queryRaw<{ considered: number; due: string[] }[]>`
    WITH considered AS (
      SELECT id FROM "Product" p
      WHERE "trackInventory" AND ("minStockLevel" > 0 OR EXISTS (SELECT 1 FROM "LowStockAlert" a WHERE a."productId" = p.id AND a.status = 'OPEN'))
    )
    SELECT (SELECT COUNT(*)::int FROM considered) AS considered,
           stock_needs_low_check(ARRAY(SELECT id FROM considered), ${sqlTimestamp(now)}::timestamp, ${utcDay(now)}::date) AS due`;
  let changed = 0;
  for (const productId of row?.due ?? []) {
    const { outcome } = await checkLowStock(deps, { productId, renotifyHours: input.renotifyHours, cooldownHours: input.cooldownHours });
    if (outcome !== "ok" && outcome !== "still-low" && outcome !== "not-tracked") changed++;
  }
  return { checked: row?.considered ?? 0, changed };
}

/**
 * Called by every stock change, in its transaction: queues a check for the products where it can
 * matter (below the minimum, or an alert open that a rise may resolve). A burst for one product
 * queues one check (the queue keeps one per product).
 */
export async function enqueueLowStockChecks(deps: Deps, tx: Tx, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return;
  const now = deps.clock.now();
  const [row] = await tx.$queryRaw<{ ids: string[] }[]>`
    SELECT stock_needs_low_check(${[...new Set(productIds)]}::uuid[], ${sqlTimestamp(now)}::timestamp, ${utcDay(now)}::date) AS ids`;
  await sendLowStockChecks(deps.jobs, { tx }, row?.ids ?? []);
  await enqueueReorderChecks(deps, tx, productIds);
}

/** Queues a check for each product already known to need one, in the caller's transaction (Prisma `tx` or a raw `client`). */
export async function sendLowStockChecks(jobs: JobQueue, via: Pick<SendOptions, "tx" | "client">, productIds: string[]): Promise<void> {
  for (const productId of [...new Set(productIds)].sort()) {
    await jobs.send("stock.check-low", { productId }, { ...via, singletonKey: productId });
  }
}
