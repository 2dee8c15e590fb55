import { orderIdInput } from "@stockroom/contracts";
import type { Prisma } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { returnsInclude, returnsView } from "../returns/return-view.ts";
import { parseInput } from "../validation.ts";
import { ORDER_TRANSITIONS } from "./order-transitions.ts";

const orderInclude = {
  producer: { select: { name: true } },
  collectionLocation: { select: { id: true, name: true } },
  // Same-instant events (one clock tick) in the order they were written.
  events: { orderBy: [{ createdAt: "asc" as const }, { seq: "asc" as const }] },
  lines: {
    include: {
      product: { select: { name: true, sku: true } },
      allocations: { include: { lot: { select: { lotNumber: true, expiryDate: true, location: { select: { name: true } } } } } },
    },
    orderBy: { productId: "asc" as const },
  },
  returns: returnsInclude,
};

type OrderWithLines = Awaited<ReturnType<typeof loadOrder>>;
function loadOrder(deps: Deps, where: Prisma.OrderWhereInput) {
  return deps.db.order.findFirst({ where, include: orderInclude });
}

/** Staff see the whole timeline; a customer sees the status changes, without notes or staff names. */
type Audience = "staff" | "customer";

function timeline(order: NonNullable<OrderWithLines>, audience: Audience) {
  const events = audience === "staff" ? order.events : order.events.filter((e) => e.kind !== "NOTE");
  return events.map((e) => ({
    id: e.id,
    kind: e.kind,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorName: audience === "staff" || e.actor === "customer" ? e.actorName : null,
    channel: e.channel,
    body: e.body,
    at: e.createdAt.toISOString(),
  }));
}

function contactView(order: NonNullable<OrderWithLines>) {
  return {
    customer: order.customerEmail ? { name: order.customerName, email: order.customerEmail, phone: order.customerPhone } : null,
    fulfilment: order.fulfilment,
    deliveryAddress:
      order.fulfilment === "DELIVERY"
        ? {
            line1: order.deliveryLine1 ?? "",
            line2: order.deliveryLine2,
            city: order.deliveryCity ?? "",
            postcode: order.deliveryPostcode ?? "",
            country: order.deliveryCountry ?? "",
          }
        : null,
    collectionLocation: order.collectionLocation,
  };
}

function orderView(order: NonNullable<OrderWithLines>, audience: Audience) {
  return {
    ...contactView(order),
    events: timeline(order, audience),
    id: order.id,
    number: order.number,
    reference: order.reference,
    status: order.status,
    producerId: order.producerId,
    producerName: order.producer.name,
    createdAt: order.createdAt.toISOString(),
    stockMovedAt: order.stockMovedAt?.toISOString() ?? null,
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
    cancelReason: order.cancelReason,
    allowedNext: ORDER_TRANSITIONS[order.status],
    totalCents: order.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0),
    lines: order.lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      name: l.product.name,
      sku: l.product.sku,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      lots: l.allocations.map((a) => ({
        lotId: a.lotId,
        lotNumber: a.lot.lotNumber,
        expiryDate: a.lot.expiryDate?.toISOString().slice(0, 10) ?? null,
        location: a.lot.location.name,
        quantity: a.quantity,
      })),
    })),
    returns: returnsView(order.returns),
  };
}
export type OrderView = ReturnType<typeof orderView>;

/**
 * A customer sees an order with the cart token that placed it or, signed in (customerEmail), any
 * order placed with their email, from any browser.
 */
export async function getCartOrder(deps: Deps, input: z.input<typeof orderIdInput> & { cartId: string; customerEmail?: string | null }): Promise<OrderView> {
  const { orderId } = parseInput(orderIdInput, input);
  const owners: Prisma.OrderWhereInput[] = [{ cartId: input.cartId }, ...(input.customerEmail ? [{ customerEmail: input.customerEmail }] : [])];
  const order = await loadOrder(deps, { id: orderId, OR: owners });
  if (!order) throw notFound("Order");
  const view = orderView(order, "customer");
  // The customer sees that the shop took the units back, not which staff member did.
  return { ...view, returns: view.returns.map((r) => ({ ...r, by: view.producerName })) };
}

export async function getOrder(deps: Deps, actor: StaffActor, input: z.input<typeof orderIdInput>): Promise<OrderView> {
  const { orderId } = parseInput(orderIdInput, input);
  const scope = scopeProducerId(actor);
  const order = await loadOrder(deps, { id: orderId, ...(scope ? { producerId: scope } : {}) });
  if (!order) throw notFound("Order");
  return orderView(order, "staff");
}
