import { useTestDatabase } from "@stockroom/db/testing";
import { placeOrder, setOrderStatus } from "@stockroom/domain";
import { createStockWorld, createTestDeps, ManualClock, newCartId, productWithStock, TEST_CHECKOUT } from "@stockroom/domain/testing";
import { createSmtpProvider, outboxProvider } from "@stockroom/notifications";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSmtpServer } from "./testing/fake-providers.ts";
import { startTestWorker } from "./testing/test-worker.ts";
import type { RunningWorker } from "./worker.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date(Date.now() - 10 * 3_600_000));
let worker: RunningWorker;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  const email = createSmtpProvider({ url: smtp.url, from: "Greenleaf <shop@stockroom.test>" });
  worker = await startTestWorker(database.current, clock, {
    messengers: { EMAIL: email, SMS: outboxProvider, WHATSAPP: outboxProvider },
    pendingOrderTtlHours: 2,
    publicUrl: "https://shop.example",
  });
});
afterAll(async () => {
  await worker.stop(5_000);
  await smtp.close();
});

async function placedFor(customerEmail: string) {
  const sender = await createTestDeps(database.current.db, database.current.url, clock);
  // The server queues these with its own PUBLIC_URL.
  sender.deps = { ...sender.deps, publicUrl: "https://shop.example" };
  const world = await createStockWorld(database.current.db);
  const { product } = await productWithStock(sender.deps, world, [{ quantity: 5 }]);
  const customer = { ...TEST_CHECKOUT.customer, email: customerEmail };
  const { orders } = await placeOrder(sender.deps, { ...TEST_CHECKOUT, customer, cartId: newCartId(), lines: [{ productId: product.id, quantity: 2 }] });
  return { sender, world, orderId: orders[0]?.orderId as string };
}

const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
const sentOf = (orderId: string) =>
  database.current.db.notification.findMany({ where: { dedupeKey: { startsWith: `order-email:${orderId}:` }, status: "SENT" }, orderBy: { template: "asc" } });

describe("customer order emails through the worker", () => {
  it("the worker sends each one once over SMTP to the customer, with its own Message-ID, and records it SENT", async () => {
    const address = "ada@customer.test";
    const { sender, world, orderId } = await placedFor(address);
    try {
      for (const status of ["CONFIRMED", "DISPATCHED"] as const) await setOrderStatus(sender.deps, world.admin, { orderId, status });
      await vi.waitFor(async () => expect(await sentOf(orderId)).toHaveLength(3), { timeout: 20_000, interval: 200 });
      const sent = await sentOf(orderId);
      expect(sent.map((n) => n.template)).toEqual(["order.confirmed", "order.dispatched", "order.placed"]);
      const mails = mailsTo(address);
      expect(mails).toHaveLength(3);
      for (const notification of sent) {
        expect(notification).toMatchObject({ provider: "smtp", providerMessageId: `<${notification.id}@stockroom>`, attempts: 1 });
        const mail = mails.find((m) => m.raw.includes(`Message-ID: <${notification.id}@stockroom>`));
        expect(mail?.text).toContain(`https://shop.example/orders/${orderId}`);
      }
      const dispatched = mails.find((m) => m.raw.includes(`<${sent[1]?.id}@stockroom>`));
      expect(dispatched?.text).toContain("1 Test Street");
      expect(dispatched?.raw).toMatch(/has been dispatched/);
    } finally {
      await sender.close();
    }
  });

  it("an order the worker cancels (not confirmed in time) mails the customer the reason, with PUBLIC_URL's link", async () => {
    const address = "grace@customer.test";
    const { sender, orderId } = await placedFor(address);
    try {
      clock.advance(2 * 3_600_000 + 1_000);
      await worker.deps.jobs.send("orders.expire-pending", {});
      await vi.waitFor(() => expect(mailsTo(address)).toHaveLength(2), { timeout: 20_000, interval: 200 });
      const cancelled = mailsTo(address).find((m) => m.text.includes("has been cancelled"));
      expect(cancelled?.text).toContain("Reason: Not confirmed within 2 hours");
      expect(cancelled?.text).toContain(`https://shop.example/orders/${orderId}`);
    } finally {
      await sender.close();
    }
  });
});
