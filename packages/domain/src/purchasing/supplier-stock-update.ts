import { supplierStockUpdateBody } from "@stockroom/contracts";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { purchaseOrderShipmentConfirmed } from "./purchase-order-events.ts";

export interface SignedRequest {
  supplierId: string;
  /** The body exactly as received (the signature covers these bytes). */
  rawBody: string;
  headers: Record<string, string | undefined>;
}

/**
 * `POST /webhooks/supplier/<id>/stock-update`: a supplier tells us their costs, lead time and stock,
 * and may confirm a PO's shipment. Verified with standardwebhooks (their secret; webhook-timestamp
 * within 5 minutes) before anything is read: a bad signature is UNAUTHENTICATED and changes nothing.
 * The event id (webhook-id) is recorded in the same transaction as the changes, so a replay, or two
 * deliveries at once, apply it once.
 */
export async function applySupplierStockUpdate(deps: Deps, request: SignedRequest) {
  if (!z.string().uuid().safeParse(request.supplierId).success) throw notFound("Supplier");
  const supplier = await deps.db.supplier.findUnique({ where: { id: request.supplierId } });
  if (!supplier) throw notFound("Supplier");
  const headers = {
    "webhook-id": request.headers["webhook-id"] ?? "",
    "webhook-timestamp": request.headers["webhook-timestamp"] ?? "",
    "webhook-signature": request.headers["webhook-signature"] ?? "",
  };
  try {
    new Webhook(supplier.webhookSecret).verify(request.rawBody, headers, { jsonParse: false });
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw new DomainError("UNAUTHENTICATED", `Signature refused: ${error.message}`, { cause: error });
    throw error;
  }
  const eventId = headers["webhook-id"];
  if (eventId.length > 200) throw new DomainError("VALIDATION_FAILED", "webhook-id is too long.", { fields: { "webhook-id": "At most 200 characters." } });
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody);
  } catch (error) {
    throw new DomainError("VALIDATION_FAILED", "The body is not JSON.", { fields: { body: "Not JSON." }, cause: error });
  }
  const body = parseInput(supplierStockUpdateBody, json);
  return deps.db.$transaction(async (tx) => {
    const fresh = await tx.$executeRaw`
      INSERT INTO "SupplierWebhookEvent" ("supplierId", "eventId", type, "receivedAt")
      VALUES (${supplier.id}::uuid, ${eventId}, 'stock-update', ${deps.clock.now().toISOString()}::timestamp) ON CONFLICT DO NOTHING`;
    if (fresh === 0) return { status: "duplicate" as const, updatedProducts: 0, unknownSkus: [] as string[] };
    const now = deps.clock.now();
    const known = await tx.supplierProduct.findMany({ where: { supplierId: supplier.id, supplierSku: { not: null } } });
    const bySku = new Map(known.map((p) => [p.supplierSku as string, p]));
    const unknownSkus: string[] = [];
    let updatedProducts = 0;
    for (const item of body.products) {
      const row = bySku.get(item.supplierSku);
      if (!row) {
        unknownSkus.push(item.supplierSku);
        continue;
      }
      await tx.supplierProduct.update({
        where: { id: row.id },
        data: {
          ...(item.unitCostCents === undefined ? {} : { unitCostCents: item.unitCostCents }),
          ...(item.stock === undefined ? {} : { supplierStock: item.stock, supplierStockAt: now }),
        },
      });
      updatedProducts++;
    }
    if (body.leadTimeDays !== undefined) await tx.supplier.update({ where: { id: supplier.id }, data: { leadTimeDays: body.leadTimeDays } });
    let shipment: { reference: string } | null = null;
    if (body.shipment) {
      const order = await tx.purchaseOrder.findFirst({
        where: { supplierId: supplier.id, reference: body.shipment.reference, status: { in: ["APPROVED", "PARTIALLY_RECEIVED"] } },
      });
      if (!order)
        throw new DomainError("VALIDATION_FAILED", `No open purchase order ${body.shipment.reference} for this supplier.`, {
          fields: { "shipment.reference": "Unknown or closed purchase order." },
        });
      await tx.purchaseOrder.update({
        where: { id: order.id },
        data: { shipmentExpectedOn: new Date(`${body.shipment.expectedOn}T00:00:00Z`), shipmentConfirmedAt: now },
      });
      for (const line of body.shipment.lines) {
        const product = bySku.get(line.supplierSku);
        if (!product) {
          unknownSkus.push(line.supplierSku);
          continue;
        }
        await tx.purchaseOrderLine.updateMany({ where: { purchaseOrderId: order.id, productId: product.productId }, data: { shippedQuantity: line.quantity } });
      }
      await purchaseOrderShipmentConfirmed(tx, { purchaseOrderId: order.id, producerId: order.producerId, reference: order.reference });
      shipment = { reference: order.reference };
    }
    return { status: "applied" as const, updatedProducts, unknownSkus, shipment };
  });
}
