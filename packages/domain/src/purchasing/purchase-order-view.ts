import { listPurchaseOrdersInput } from "@stockroom/contracts";
import type { Tx } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";

type Reader = Deps["db"] | Tx;

/** Another producer's purchase order is indistinguishable from a missing one. */
export async function findOwnedPurchaseOrder(db: Reader, actor: StaffActor, purchaseOrderId: string) {
  const scope = scopeProducerId(actor);
  const order = await db.purchaseOrder.findFirst({ where: { id: purchaseOrderId, ...(scope ? { producerId: scope } : {}) } });
  if (!order) throw notFound("Purchase order");
  return order;
}

export async function listPurchaseOrders(deps: Deps, actor: StaffActor, input: z.input<typeof listPurchaseOrdersInput>) {
  const { producerId, status, supplierId } = parseInput(listPurchaseOrdersInput, input);
  const scope = scopeProducerId(actor, producerId);
  const rows = await deps.db.purchaseOrder.findMany({
    where: { ...(scope ? { producerId: scope } : {}), ...(status ? { status } : {}), ...(supplierId ? { supplierId } : {}) },
    include: { supplier: { select: { name: true } }, lines: { select: { quantity: true, receivedQuantity: true, unitCostCents: true } } },
    orderBy: [{ createdAt: "desc" }, { number: "desc" }],
    take: 200,
  });
  return rows.map((o) => ({
    id: o.id,
    producerId: o.producerId,
    reference: o.reference,
    status: o.status,
    supplierId: o.supplierId,
    supplierName: o.supplier.name,
    isAutoDrafted: o.isAutoDrafted,
    lineCount: o.lines.length,
    orderedUnits: o.lines.reduce((sum, l) => sum + l.quantity, 0),
    receivedUnits: o.lines.reduce((sum, l) => sum + l.receivedQuantity, 0),
    costCents: o.lines.reduce((sum, l) => sum + l.quantity * l.unitCostCents, 0),
    shipmentExpectedOn: o.shipmentExpectedOn?.toISOString().slice(0, 10) ?? null,
    createdAt: o.createdAt.toISOString(),
  }));
}

/** One purchase order: lines with ordered / received / outstanding, its receipts (lots) and the supplier's shipment confirmation. */
export async function getPurchaseOrder(deps: Deps, actor: StaffActor, input: { purchaseOrderId: string }) {
  const found = await findOwnedPurchaseOrder(deps.db, actor, input.purchaseOrderId);
  const order = await deps.db.purchaseOrder.findUniqueOrThrow({
    where: { id: found.id },
    include: {
      supplier: { select: { id: true, name: true, channel: true, email: true, webhookUrl: true } },
      lines: { include: { product: { select: { name: true, sku: true } } }, orderBy: { product: { name: "asc" } } },
    },
  });
  const receipts = await deps.db.movement.findMany({
    where: { referenceType: "purchase_order", referenceId: order.id, type: "RECEIPT" },
    include: { lot: { select: { lotNumber: true, expiryDate: true, location: { select: { name: true } } } }, product: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  return {
    id: order.id,
    producerId: order.producerId,
    reference: order.reference,
    status: order.status,
    supplier: order.supplier,
    isAutoDrafted: order.isAutoDrafted,
    createdBy: order.createdBy,
    createdAt: order.createdAt.toISOString(),
    approvedBy: order.approvedBy,
    approvedAt: order.approvedAt?.toISOString() ?? null,
    sentAt: order.sentAt?.toISOString() ?? null,
    sendError: order.sendError,
    rejectReason: order.rejectReason,
    closedAt: order.closedAt?.toISOString() ?? null,
    shipmentExpectedOn: order.shipmentExpectedOn?.toISOString().slice(0, 10) ?? null,
    shipmentConfirmedAt: order.shipmentConfirmedAt?.toISOString() ?? null,
    lines: order.lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      productName: l.product.name,
      sku: l.product.sku,
      quantity: l.quantity,
      unitCostCents: l.unitCostCents,
      receivedQuantity: l.receivedQuantity,
      outstanding: Math.max(0, l.quantity - l.receivedQuantity),
      shippedQuantity: l.shippedQuantity,
    })),
    receipts: receipts.map((m) => ({
      productName: m.product.name,
      lotNumber: m.lot.lotNumber,
      expiryDate: m.lot.expiryDate?.toISOString().slice(0, 10) ?? null,
      locationName: m.lot.location.name,
      quantity: m.quantity,
      at: m.createdAt.toISOString(),
    })),
  };
}

/** Units outstanding on approved purchase orders, per product (the inventory list's and product page's "incoming"). */
export async function incomingUnits(db: Reader, productIds: string[]): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ productId: string; incoming: number }[]>`
    SELECT l."productId", SUM(GREATEST(l.quantity - l."receivedQuantity", 0))::int AS incoming
    FROM "PurchaseOrderLine" l JOIN "PurchaseOrder" o ON o.id = l."purchaseOrderId"
    WHERE l."productId" = ANY(${productIds}::uuid[]) AND o.status IN ('APPROVED', 'PARTIALLY_RECEIVED')
    GROUP BY l."productId"`;
  return new Map(rows.map((r) => [r.productId, r.incoming]));
}
