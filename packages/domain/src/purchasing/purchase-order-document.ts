import type { Tx } from "@stockroom/db";
import type { Deps } from "../deps.ts";

/** What the supplier receives (email text and webhook JSON are both made from this). */
export async function purchaseOrderDocument(db: Deps["db"] | Tx, purchaseOrderId: string) {
  const order = await db.purchaseOrder.findUniqueOrThrow({
    where: { id: purchaseOrderId },
    include: { producer: { select: { name: true } }, supplier: true, lines: { include: { product: { select: { name: true, sku: true } } } } },
  });
  const skus = await db.supplierProduct.findMany({
    where: { supplierId: order.supplierId, productId: { in: order.lines.map((l) => l.productId) } },
    select: { productId: true, supplierSku: true },
  });
  const supplierSku = new Map(skus.map((s) => [s.productId, s.supplierSku]));
  const lines = order.lines
    .map((l) => ({
      supplierSku: supplierSku.get(l.productId) ?? null,
      sku: l.product.sku,
      name: l.product.name,
      quantity: l.quantity,
      unitCostCents: l.unitCostCents,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: order.id,
    reference: order.reference,
    producer: order.producer.name,
    supplier: order.supplier.name,
    supplierRecord: order.supplier,
    sentAt: order.sentAt,
    lines,
    totalCents: lines.reduce((sum, l) => sum + l.quantity * l.unitCostCents, 0),
  };
}
