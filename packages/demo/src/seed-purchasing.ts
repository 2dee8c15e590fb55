import {
  addDays,
  applySupplierStockUpdate,
  approvePurchaseOrder,
  cancelPurchaseOrder,
  createSupplier,
  type Deps,
  draftPurchaseOrder,
  getPurchaseOrder,
  receivePurchaseOrder,
  rejectPurchaseOrder,
  type StaffActor,
  setReorderSetting,
  setSupplierProduct,
  updatePurchaseOrderLine,
  utcDay,
} from "@stockroom/domain";
import { Webhook } from "standardwebhooks";

/**
 * Each producer's suppliers (one by email, one by webhook), their products, and a purchase order in
 * every state: awaiting approval, approved with the supplier's shipment confirmed, partly received,
 * received, rejected and cancelled. Only for producers without suppliers (idempotent). Through the
 * domain functions: receipts are lots and RECEIPT movements naming their PO.
 */
export async function seedDemoPurchasing(deps: Deps, admin: StaffActor): Promise<void> {
  const producers = await deps.db.producer.findMany({ include: { locations: true, products: { orderBy: { sku: "asc" } } }, orderBy: { slug: "asc" } });
  for (const producer of producers) {
    if ((await deps.db.supplier.count({ where: { producerId: producer.id } })) > 0) continue;
    const shop = producer.locations.find((l) => l.isSellable);
    const tracked = producer.products.filter((p) => p.trackInventory);
    if (!shop || tracked.length < 8) continue;
    const base = { producerId: producer.id, channel: "EMAIL" as const, notes: null, phone: "+44 20 7946 0000" };
    const wholesaler = await createSupplier(deps, admin, {
      ...base,
      name: `${producer.name.split(" ")[0]} Wholesale`,
      contactName: "Sam Carter",
      email: `orders@${producer.slug}-wholesale.test`,
      leadTimeDays: 5,
    });
    // The demo's webhook supplier sits on a reserved .test name that never resolves: saved without
    // the address check (a real one must resolve to a public address), its sends show the error.
    const direct = await createSupplier({ ...deps, webhooks: { ...deps.webhooks, allowPrivateUrls: true } }, admin, {
      ...base,
      name: "Direct Supply Ltd",
      contactName: "Priya Shah",
      email: "priya@directsupply.test",
      channel: "WEBHOOK",
      webhookUrl: "https://api.directsupply.test/stockroom/orders",
      leadTimeDays: 10,
    });
    for (const [index, product] of tracked.slice(0, 12).entries()) {
      const supplier = index < 8 ? wholesaler : direct;
      await setSupplierProduct(deps, admin, {
        supplierId: supplier.id,
        productId: product.id,
        supplierSku: `${supplier === wholesaler ? "WH" : "DS"}-${product.sku}`,
        unitCostCents: product.unitCostCents,
        packSize: index % 3 === 0 ? 6 : 1,
        minOrderQuantity: index % 3 === 0 ? 6 : 1,
        isPreferred: true,
      });
      if (index % 4 === 0) await setReorderSetting(deps, admin, { productId: product.id, safetyStock: product.minStockLevel, shelfLifeDays: 60 });
    }
    // One purchase order per state, each for its own product of the wholesaler (email: the demo's outbox).
    // Each at least 12 units (a rule-drafted quantity can be one), so the partial receipt leaves some outstanding.
    const order = async (productIndex: number) => {
      const { purchaseOrderId } = await draftPurchaseOrder(deps, admin, { productId: tracked[productIndex]?.id as string });
      const [line] = (await getPurchaseOrder(deps, admin, { purchaseOrderId })).lines;
      if (line && line.quantity < 12)
        await updatePurchaseOrderLine(deps, admin, { purchaseOrderId, lineId: line.id, quantity: 12, unitCostCents: line.unitCostCents ?? 0 });
      return purchaseOrderId;
    };
    const receive = async (purchaseOrderId: string, lot: string, part: (ordered: number) => number) => {
      const view = await getPurchaseOrder(deps, admin, { purchaseOrderId });
      const line = view.lines[0];
      if (!line) return;
      const expiryDate = addDays(utcDay(deps.clock.now()), 120);
      await receivePurchaseOrder(deps, admin, {
        purchaseOrderId,
        lineId: line.id,
        locationId: shop.id,
        lotNumber: lot,
        expiryDate,
        quantity: part(line.quantity),
      });
    };
    const received = await order(1);
    await approvePurchaseOrder(deps, admin, { purchaseOrderId: received });
    await receive(received, "PO-RCV-1", (q) => q);
    const partial = await order(2);
    await approvePurchaseOrder(deps, admin, { purchaseOrderId: partial });
    await receive(partial, "PO-PART-1", (q) => Math.max(1, Math.floor(q / 2)));
    const cancelled = await order(3);
    await approvePurchaseOrder(deps, admin, { purchaseOrderId: cancelled });
    await cancelPurchaseOrder(deps, admin, { purchaseOrderId: cancelled });
    const rejected = await order(4);
    await rejectPurchaseOrder(deps, admin, { purchaseOrderId: rejected, reason: "Ordered elsewhere this week" });
    const approved = await order(5);
    const sent = await approvePurchaseOrder(deps, admin, { purchaseOrderId: approved });
    await confirmShipment(deps, wholesaler.id, sent);
    await order(6); // awaiting approval
  }
}

/** The wholesaler confirms the approved order through its signed webhook, as it would over HTTP. */
async function confirmShipment(deps: Deps, supplierId: string, order: Awaited<ReturnType<typeof approvePurchaseOrder>>) {
  const { webhookSecret } = await deps.db.supplier.findUniqueOrThrow({ where: { id: supplierId } });
  const terms = await deps.db.supplierProduct.findMany({ where: { supplierId } });
  const skuOf = new Map(terms.map((t) => [t.productId, t.supplierSku ?? ""]));
  const rawBody = JSON.stringify({
    shipment: {
      reference: order.reference,
      expectedOn: addDays(utcDay(deps.clock.now()), 3),
      lines: order.lines.map((l) => ({ supplierSku: skuOf.get(l.productId), quantity: l.quantity })),
    },
  });
  const eventId = `demo_${order.id}`;
  const at = new Date();
  const headers = {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(webhookSecret).sign(eventId, at, rawBody),
  };
  await applySupplierStockUpdate(deps, { supplierId, rawBody, headers });
}
