import { z } from "zod";

export const movementOutput = z.object({
  id: z.string(),
  lotId: z.string(),
  productId: z.string(),
  type: z.string(),
  quantity: z.number(),
  previousOnHand: z.number(),
  newOnHand: z.number(),
  unitCostCents: z.number().nullable(),
  reason: z.string(),
  createdAt: z.string(),
});

/** A batch update's answer: one result per item, in the order sent. */
export const batchUpdateOutput = z.object({
  applied: z.number(),
  failed: z.number(),
  results: z.array(
    z.object({
      index: z.number(),
      ok: z.boolean(),
      productId: z.string().nullable(),
      lotId: z.string().nullable(),
      previousOnHand: z.number().nullable(),
      newOnHand: z.number().nullable(),
      movementId: z.string().nullable(),
      error: z.object({ code: z.string(), field: z.string(), message: z.string() }).nullable(),
    }),
  ),
});

/** A return of delivered units (returns.ts). */
export const returnOutput = z.object({
  id: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  by: z.string(),
  lines: z.array(
    z.object({
      orderLineId: z.string(),
      productId: z.string(),
      name: z.string(),
      lotId: z.string(),
      lotNumber: z.string(),
      quantity: z.number(),
      disposition: z.enum(["RESTOCK", "WRITE_OFF"]),
    }),
  ),
});

export const returnResultOutput = z.object({ returnId: z.string(), orderId: z.string(), movements: z.array(movementOutput), costCents: z.number().nullable() });

export const orderStatus = z.enum(["PENDING", "CONFIRMED", "DISPATCHED", "DELIVERED", "CANCELLED"]);

const orderEventOutput = z.object({
  id: z.string(),
  kind: z.enum(["PLACED", "STATUS", "NOTE"]),
  fromStatus: orderStatus.nullable(),
  toStatus: orderStatus.nullable(),
  /** Null on a customer's view of a staff change: customers see what happened, not who on the staff did it. */
  actorName: z.string().nullable(),
  channel: z.enum(["STOREFRONT", "ADMIN", "API", "WORKER"]),
  /** A cancellation reason or a note's text. */
  body: z.string().nullable(),
  at: z.string(),
});

export const orderOutput = z.object({
  customer: z.object({ name: z.string().nullable(), email: z.string(), phone: z.string().nullable() }).nullable(),
  fulfilment: z.enum(["DELIVERY", "COLLECTION"]).nullable(),
  deliveryAddress: z.object({ line1: z.string(), line2: z.string().nullable(), city: z.string(), postcode: z.string(), country: z.string() }).nullable(),
  collectionLocation: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The timeline: placed, status changes, and (staff only) internal notes, oldest first. */
  events: z.array(orderEventOutput),
  id: z.string(),
  number: z.number(),
  /** The producer's own reference, e.g. GL-1001 (numbered per producer, without gaps). */
  reference: z.string(),
  status: orderStatus,
  producerId: z.string(),
  producerName: z.string(),
  createdAt: z.string(),
  stockMovedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  allowedNext: z.array(orderStatus),
  totalCents: z.number(),
  lines: z.array(
    z.object({
      id: z.string(),
      productId: z.string(),
      name: z.string(),
      sku: z.string(),
      quantity: z.number(),
      unitPriceCents: z.number(),
      lots: z.array(z.object({ lotId: z.string(), lotNumber: z.string(), expiryDate: z.string().nullable(), location: z.string(), quantity: z.number() })),
    }),
  ),
  returns: z.array(returnOutput),
});

/** The orders list: a slim summary per order (no lines or timeline), one page and the total. */
export const orderListOutput = z.object({
  orders: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      reference: z.string(),
      status: orderStatus,
      producerId: z.string(),
      producerName: z.string(),
      createdAt: z.string(),
      customerName: z.string().nullable(),
      customerEmail: z.string().nullable(),
      fulfilment: z.enum(["DELIVERY", "COLLECTION"]).nullable(),
      itemCount: z.number(),
      totalCents: z.number(),
      stockMovedAt: z.string().nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Sort "placed": the cursor of the next page (null after the last). */
  nextCursor: z.string().nullable(),
});

export const reserveOutput = z.object({
  expiresAt: z.string(),
  holds: z.array(z.object({ holdId: z.string(), productId: z.string(), quantity: z.number(), expiresAt: z.string() })),
});

export const placedOrdersOutput = z.object({
  orders: z.array(
    z.object({
      orderId: z.string(),
      number: z.number(),
      reference: z.string(),
      status: z.literal("PENDING"),
      producerId: z.string(),
      producerName: z.string(),
    }),
  ),
});

export const setStatusOutput = z.object({ orderId: z.string(), number: z.number(), status: orderStatus, movements: z.array(movementOutput) });
