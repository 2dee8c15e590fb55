import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { useTestDatabase } from "@stockroom/db/testing";
import { adjustLot, approvePurchaseOrder } from "@stockroom/domain";
import { createStockWorld, createTestDeps, ManualClock, preferSupplier, productWithStock, supplierFor } from "@stockroom/domain/testing";
import { createSmtpProvider, outboxProvider } from "@stockroom/notifications";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSmtpServer } from "./testing/fake-providers.ts";
import { startTestWorker } from "./testing/test-worker.ts";
import type { RunningWorker } from "./worker.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date());
let worker: RunningWorker;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let sender: Awaited<ReturnType<typeof createTestDeps>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  worker = await startTestWorker(database.current, clock, {
    messengers: { EMAIL: createSmtpProvider({ url: smtp.url, from: "Greenleaf <shop@stockroom.test>" }), SMS: outboxProvider, WHATSAPP: outboxProvider },
    webhooks: { allowPrivateUrls: true }, // the receiver is on 127.0.0.1
  });
  sender = await createTestDeps(database.current.db, database.current.url, clock);
});
afterAll(async () => {
  await worker.stop(5_000);
  await sender.close();
  await smtp.close();
});

/** 30 units, safety stock 10 (no sales): at 10 or fewer available a line of 10 - available is drafted. */
async function stockedProduct(options: { webhookUrl?: string; email?: string } = {}) {
  const world = await createStockWorld(database.current.db);
  const { product, lotIds } = await productWithStock(sender.deps, world, [{ quantity: 30 }], { minStockLevel: 0 });
  const supplier = await supplierFor({ ...sender.deps, webhooks: { allowPrivateUrls: true } }, world, options);
  await preferSupplier(sender.deps, world, { supplierId: supplier.id, productId: product.id, supplierSku: "SUP-9" }, { safetyStock: 10, shelfLifeDays: null });
  return { world, product, supplier, lotId: lotIds[0] as string };
}

const linesOf = (productId: string) => database.current.db.purchaseOrderLine.findMany({ where: { productId } });
async function reorderJobsPending(): Promise<number> {
  const [row] = await database.current.db.$queryRaw<{ n: number }[]>`
    SELECT COUNT(*)::int AS n FROM pgboss.job WHERE name = 'purchasing.check-reorder' AND state IN ('created', 'retry', 'active')`;
  return row?.n ?? 0;
}

describe("reorder and sending purchase orders through the worker", () => {
  it("stock falling past the reorder point drafts one line, however many changes follow; approval emails the supplier over SMTP", async () => {
    const { world, product, lotId } = await stockedProduct({ email: "orders@leafco.test" });
    const adjust = (change: number) => adjustLot(sender.deps, world.admin, { lotId, change, reason: "Count correction" });
    await adjust(-22); // 8 left: at or below 10
    await vi.waitFor(async () => expect(await linesOf(product.id)).toHaveLength(1), { timeout: 20_000, interval: 200 });
    await Promise.all([adjust(-1), adjust(-1), adjust(-1)]);
    await vi.waitFor(async () => expect(await reorderJobsPending()).toBe(0), { timeout: 20_000, interval: 200 });
    const lines = await linesOf(product.id);
    expect(lines.map((l) => l.quantity)).toEqual([2]); // drafted at 8 available: 10 - 8

    const order = await approvePurchaseOrder(sender.deps, world.admin, { purchaseOrderId: lines[0]?.purchaseOrderId as string });
    await vi.waitFor(() => expect(smtp.mails.filter((m) => m.to.includes("orders@leafco.test"))).toHaveLength(1), { timeout: 20_000, interval: 200 });
    const mail = smtp.mails.find((m) => m.to.includes("orders@leafco.test"));
    expect(mail?.subject).toContain(`Purchase order ${order.reference}`);
    expect(mail?.text).toContain(`- SUP-9 ${product.name}: 2 x 1.50`); // the rest is quoted-printable (=3D)
    expect(mail?.text).toContain("Total: 3.00");
    const notification = await database.current.db.notification.findFirstOrThrow({ where: { dedupeKey: { startsWith: `purchase-order:${order.id}:sent` } } });
    expect(notification.status).toBe("SENT");
  });

  it("a WEBHOOK supplier gets one POST of the PO JSON whose signature verifies with its secret", async () => {
    const received: { body: string; headers: IncomingHttpHeaders }[] = [];
    const receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      req.on("end", () => {
        received.push({ body, headers: req.headers });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/po`;
      const { world, product, supplier, lotId } = await stockedProduct({ webhookUrl: url });
      await adjustLot(sender.deps, world.admin, { lotId, change: -25, reason: "Count correction" });
      await vi.waitFor(async () => expect(await linesOf(product.id)).toHaveLength(1), { timeout: 20_000, interval: 200 });
      const [line] = await linesOf(product.id);
      const order = await approvePurchaseOrder(sender.deps, world.admin, { purchaseOrderId: line?.purchaseOrderId as string });
      await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 20_000, interval: 200 });
      const { webhookSecret } = await database.current.db.supplier.findUniqueOrThrow({ where: { id: supplier.id } });
      const [delivery] = received;
      const headers = delivery?.headers as Record<string, string>;
      const verified = new Webhook(webhookSecret).verify(delivery?.body as string, headers) as { type: string; data: Record<string, unknown> };
      expect(verified.type).toBe("purchase_order.sent");
      expect(verified.data).toMatchObject({ reference: order.reference, lines: [{ supplierSku: "SUP-9", quantity: 5, unitCostCents: 150 }], totalCents: 750 });
      expect(() => new Webhook(`whsec_${Buffer.from("another secret, not theirs").toString("base64")}`).verify(delivery?.body as string, headers)).toThrow();
      await vi.waitFor(async () => expect((await database.current.db.purchaseOrder.findUniqueOrThrow({ where: { id: order.id } })).sentAt).not.toBeNull(), {
        timeout: 10_000,
        interval: 200,
      });
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
