import { listLowStockAlertsInput, listNotificationsInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";

/** Open (or resolved) low-stock alerts with what the widget shows. */
export async function listLowStockAlerts(deps: Deps, actor: StaffActor, input: z.input<typeof listLowStockAlertsInput>) {
  const { producerId, status, limit } = parseInput(listLowStockAlertsInput, input);
  const scope = scopeProducerId(actor, producerId);
  const alerts = await deps.db.lowStockAlert.findMany({
    where: { status, ...(scope ? { producerId: scope } : {}) },
    include: { product: { select: { name: true, sku: true, category: true, minStockLevel: true } } },
    orderBy: [{ available: "asc" }, { openedAt: "asc" }],
    take: limit,
  });
  const now = deps.clock.now().getTime();
  return alerts.map((a) => ({
    id: a.id,
    productId: a.productId,
    productName: a.product.name,
    sku: a.product.sku,
    category: a.product.category,
    available: a.available,
    minimum: a.product.minStockLevel,
    escalationLevel: a.escalationLevel,
    openedAt: a.openedAt.toISOString(),
    daysOpen: Math.floor((now - a.openedAt.getTime()) / 86_400_000),
    status: a.status,
  }));
}

/** The delivery log (and, in demo mode, the outbox): newest first. */
export async function listNotifications(deps: Deps, actor: StaffActor, input: z.input<typeof listNotificationsInput>) {
  const { producerId, status, cursor, limit } = parseInput(listNotificationsInput, input);
  const scope = scopeProducerId(actor, producerId);
  const rows = await deps.db.notification.findMany({
    where: { ...(scope ? { producerId: scope } : {}), ...(status ? { status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((n) => ({
      id: n.id,
      channel: n.channel,
      recipient: n.recipient,
      template: n.template,
      subject: n.subject,
      body: n.body,
      status: n.status,
      attempts: n.attempts,
      lastError: n.lastError,
      provider: n.provider,
      sentAt: n.sentAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
