import { useTestDatabase } from "@stockroom/db/testing";
import { placeOrder, systemClock } from "@stockroom/domain";
import { createStockWorld, createTestDeps, newCartId, productWithStock, TEST_CHECKOUT } from "@stockroom/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "./testing/fake-providers.ts";
import { workerProcesses } from "./testing/worker-process.ts";

const database = useTestDatabase({ maxConnections: 10 });
const address = "crash@customer.test";
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const workers = workerProcesses(database);

beforeAll(async () => {
  // The first message to the customer is read to its end and never answered: the worker is killed mid-send.
  smtp = await startSmtpServer({ shouldStall: (mail) => mail.to.includes(address) && smtp.stalled.length === 0 });
});
afterAll(async () => {
  workers.killAll();
  await smtp.close();
});

const spawnWorker = () => workers.spawn({ EMAIL_PROVIDER: "smtp", SMTP_URL: smtp.url });

describe("a worker killed while a customer email is in flight", () => {
  it("the next worker sends it again: the SMTP server accepts it exactly once, and the record says SENT after two attempts", async () => {
    // As the app role, like the worker: pg-boss's tables must stay the app role's.
    const sender = await createTestDeps(database.current.appDb, database.current.appUrl, systemClock);
    try {
      const world = await createStockWorld(database.current.db);
      const { product } = await productWithStock(sender.deps, world, [{ quantity: 5 }]);
      const customer = { ...TEST_CHECKOUT.customer, email: address };
      const { orders } = await placeOrder(sender.deps, { ...TEST_CHECKOUT, customer, cartId: newCartId(), lines: [{ productId: product.id, quantity: 1 }] });
      const notification = await database.current.db.notification.findFirstOrThrow({
        where: { dedupeKey: { startsWith: `order-email:${orders[0]?.orderId}:` } },
      });

      const first = spawnWorker();
      await expect.poll(() => smtp.stalled.length, { timeout: 30_000, interval: 200 }).toBe(1);
      expect((await database.current.db.notification.findUniqueOrThrow({ where: { id: notification.id } })).status).toBe("SENDING");
      first.kill("SIGKILL");
      await new Promise((resolve) => first.once("exit", resolve));
      spawnWorker();

      await expect
        .poll(async () => (await database.current.db.notification.findUniqueOrThrow({ where: { id: notification.id } })).status, {
          timeout: 60_000,
          interval: 500,
        })
        .toBe("SENT");
      const record = await database.current.db.notification.findUniqueOrThrow({ where: { id: notification.id } });
      expect(record).toMatchObject({ attempts: 2, providerMessageId: `<${notification.id}@stockroom>`, lastError: null });
      expect(smtp.mails.filter((m) => m.to.includes(address))).toHaveLength(1);
      expect(smtp.stalled[0]?.raw).toContain(`Message-ID: <${notification.id}@stockroom>`);
      expect(smtp.mails[0]?.raw).toContain(`Message-ID: <${notification.id}@stockroom>`);
    } finally {
      await sender.close();
    }
  }, 120_000);
});
