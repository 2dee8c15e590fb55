import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { domainFailure, useStockWorld } from "../testing/index.ts";
import { preferSupplier, supplierFor } from "../testing/purchasing-fixtures.ts";
import { productWithStock } from "../testing/stock-fixtures.ts";
import { approvePurchaseOrder } from "./approve-purchase-order.ts";
import { checkReorder } from "./check-reorder.ts";
import { getPurchaseOrder } from "./purchase-order-view.ts";
import { applySupplierStockUpdate } from "./supplier-stock-update.ts";

const t = useStockWorld();

async function supplierWithProduct() {
  const { product } = await productWithStock(t.deps, t.world, []);
  const supplier = await supplierFor(t.deps, t.world, { leadTimeDays: 10 });
  await preferSupplier(
    t.deps,
    t.world,
    { supplierId: supplier.id, productId: product.id, supplierSku: "SUP-1", unitCostCents: 150 },
    { safetyStock: 8, shelfLifeDays: null },
  );
  const { webhookSecret } = await t.db.supplier.findUniqueOrThrow({ where: { id: supplier.id } });
  return { product, supplier, secret: webhookSecret };
}

function signed(secret: string, supplierId: string, body: unknown, eventId = `evt_${randomUUID()}`) {
  const rawBody = JSON.stringify(body);
  const at = new Date();
  return {
    supplierId,
    rawBody,
    headers: {
      "webhook-id": eventId,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(eventId, at, rawBody),
    },
  };
}

const terms = (supplierId: string) => t.db.supplierProduct.findFirstOrThrow({ where: { supplierId } });

describe("the supplier's stock-update webhook", () => {
  it("updates cost, their stock and lead time once per event id; a replay changes nothing", async () => {
    const { supplier, secret } = await supplierWithProduct();
    const request = signed(secret, supplier.id, {
      products: [
        { supplierSku: "SUP-1", unitCostCents: 175, stock: 40 },
        { supplierSku: "NOPE", stock: 1 },
      ],
      leadTimeDays: 4,
    });
    expect(await applySupplierStockUpdate(t.deps, request)).toMatchObject({ status: "applied", updatedProducts: 1, unknownSkus: ["NOPE"] });
    expect(await terms(supplier.id)).toMatchObject({ unitCostCents: 175, supplierStock: 40 });
    expect((await t.db.supplier.findUniqueOrThrow({ where: { id: supplier.id } })).leadTimeDays).toBe(4);
    // Someone edits the cost by hand; the replayed event must not undo it.
    await t.db.supplierProduct.updateMany({ where: { supplierId: supplier.id }, data: { unitCostCents: 160 } });
    expect(await applySupplierStockUpdate(t.deps, request)).toMatchObject({ status: "duplicate", updatedProducts: 0 });
    expect((await terms(supplier.id)).unitCostCents).toBe(160);
    expect(await t.db.supplierWebhookEvent.count({ where: { supplierId: supplier.id } })).toBe(1);
  });

  it("a bad signature, another supplier's secret or an old timestamp is UNAUTHENTICATED and changes nothing", async () => {
    const { supplier, secret } = await supplierWithProduct();
    const other = await supplierWithProduct();
    const body = { products: [{ supplierSku: "SUP-1", unitCostCents: 1 }] };
    const tampered = { ...signed(secret, supplier.id, body), rawBody: JSON.stringify({ products: [{ supplierSku: "SUP-1", unitCostCents: 2 }] }) };
    const wrongKey = signed(other.secret, supplier.id, body);
    const old = signed(secret, supplier.id, body);
    const oldAt = new Date(Date.now() - 6 * 60_000);
    old.headers["webhook-timestamp"] = String(Math.floor(oldAt.getTime() / 1000));
    old.headers["webhook-signature"] = new Webhook(secret).sign(old.headers["webhook-id"], oldAt, old.rawBody);
    for (const request of [tampered, wrongKey, old, { ...signed(secret, supplier.id, body), headers: {} }]) {
      expect((await domainFailure(applySupplierStockUpdate(t.deps, request))).code).toBe("UNAUTHENTICATED");
    }
    expect((await terms(supplier.id)).unitCostCents).toBe(150);
    expect(await t.db.supplierWebhookEvent.count({ where: { supplierId: supplier.id } })).toBe(0);
  });

  it("an unknown supplier is NOT_FOUND; a malformed body is VALIDATION_FAILED naming the field", async () => {
    const { supplier, secret } = await supplierWithProduct();
    expect((await domainFailure(applySupplierStockUpdate(t.deps, signed(secret, randomUUID(), {})))).code).toBe("NOT_FOUND");
    expect((await domainFailure(applySupplierStockUpdate(t.deps, signed(secret, "not-a-uuid", {})))).code).toBe("NOT_FOUND");
    const bad = await domainFailure(applySupplierStockUpdate(t.deps, signed(secret, supplier.id, { products: [{ supplierSku: "SUP-1", stock: -3 }] })));
    expect(bad.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(bad.fields ?? {})).toEqual(["products.0.stock"]);
    expect(await t.db.supplierWebhookEvent.count({ where: { supplierId: supplier.id } })).toBe(0);
  });

  it("confirms a PO's shipment: expected day and shipped quantities show on the PO", async () => {
    const { product, supplier, secret } = await supplierWithProduct();
    const { purchaseOrderId } = await checkReorder(t.deps, { productId: product.id });
    const order = await approvePurchaseOrder(t.deps, t.world.admin, { purchaseOrderId: purchaseOrderId as string });
    const request = signed(secret, supplier.id, {
      shipment: { reference: order.reference, expectedOn: "2026-06-09", lines: [{ supplierSku: "SUP-1", quantity: 7 }] },
    });
    expect(await applySupplierStockUpdate(t.deps, request)).toMatchObject({ status: "applied", shipment: { reference: order.reference } });
    const view = await getPurchaseOrder(t.deps, t.world.admin, { purchaseOrderId: order.id });
    expect(view.shipmentExpectedOn).toBe("2026-06-09");
    expect(view.lines[0]).toMatchObject({ quantity: 8, shippedQuantity: 7 });
    const unknown = await domainFailure(
      applySupplierStockUpdate(t.deps, signed(secret, supplier.id, { shipment: { reference: "PO-9", expectedOn: "2026-06-09", lines: [] } })),
    );
    expect(unknown.fields).toEqual({ "shipment.reference": "Unknown or closed purchase order." });
  });
});
