import { useTestDatabase } from "@stockroom/db/testing";
import { adjustLot, systemClock } from "@stockroom/domain";
import { createStockWorld, productWithStock } from "@stockroom/domain/testing";
import { createTermiiProvider } from "@stockroom/notifications";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeHttpProvider } from "./testing/fake-providers.ts";
import { workerProcesses } from "./testing/worker-process.ts";
import { type RunningWorker, startWorker } from "./worker.ts";

const database = useTestDatabase({ maxConnections: 10 });
let termii: Awaited<ReturnType<typeof startFakeHttpProvider>>;
/** The fake provider stalls (never answers) requests for these recipients: the worker is killed mid-send. */
const stalled = new Set<string>();
const workers = workerProcesses(database);

beforeAll(async () => {
  termii = await startFakeHttpProvider((request) => {
    const to = (JSON.parse(request.body) as { to: string }).to;
    return stalled.has(to) ? { status: -1, body: null } : { status: 200, body: { message_id: `m-${to}` } };
  });
});
afterAll(async () => {
  workers.killAll();
  await termii.close();
});

const spawnWorker = () => workers.spawn({ SMS_PROVIDER: "termii", TERMII_BASE_URL: termii.url, TERMII_API_KEY: "k" });

async function producerWithSmsAlerts(phone: string) {
  const world = await createStockWorld(database.current.db);
  await database.current.db.alertSettings.create({
    data: {
      producerId: world.producer.id,
      emailRecipients: [],
      smsRecipients: [phone],
      whatsappRecipients: [],
      lowStockChannels: ["SMS"],
      escalationChannels: [],
      expiryChannels: [],
    },
  });
  return world;
}

/** An in-process worker used only to send jobs in transactions: its handlers are switched off, so the child processes do the work. */
async function startSender(): Promise<RunningWorker> {
  const termiiSms = createTermiiProvider({ baseUrl: termii.url, apiKey: "k", senderId: "S" }, "generic");
  const sender = await startWorker({
    databaseUrl: database.current.appUrl,
    db: database.current.appDb,
    clock: systemClock,
    log: pino({ level: "silent" }),
    pollingIntervalSeconds: 60,
    messengers: { EMAIL: termiiSms, SMS: termiiSms, WHATSAPP: termiiSms },
  });
  await sender.boss.offWork("notifications.send");
  await sender.boss.offWork("stock.check-low");
  return sender;
}

describe("worker failures", () => {
  it("a worker killed mid-send: the job runs again and the outcome is still one alert and one message", async () => {
    const phone = "+2348099000001";
    stalled.add(phone);
    const world = await producerWithSmsAlerts(phone);
    const first = spawnWorker();
    const sender = await startSender();
    const { lotIds } = await productWithStock(sender.deps, world, [{ quantity: 3 }], { minStockLevel: 5 });
    await adjustLot(sender.deps, world.admin, { lotId: lotIds[0] as string, change: -1, reason: "trigger" });

    await expect.poll(() => termii.requests.filter((r) => r.body.includes(phone)).length, { timeout: 20_000 }).toBe(1);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    spawnWorker();

    await expect
      .poll(async () => (await database.current.db.notification.findFirst({ where: { recipient: phone } }))?.status, { timeout: 40_000, interval: 500 })
      .toBe("FAILED");
    const record = await database.current.db.notification.findFirstOrThrow({ where: { recipient: phone } });
    expect(record.lastError).toContain("not resent, to avoid a duplicate");
    expect(termii.requests.filter((r) => r.body.includes(phone))).toHaveLength(1);
    expect(await database.current.db.lowStockAlert.count({ where: { producerId: world.producer.id } })).toBe(1);
    await sender.stop(2_000);
  }, 90_000);

  it("two worker processes at once: each product gets one alert and one message", async () => {
    const phone = "+2348099000002";
    const world = await producerWithSmsAlerts(phone);
    spawnWorker();
    spawnWorker();
    const sender = await startSender();
    const products = await Promise.all(Array.from({ length: 6 }, () => productWithStock(sender.deps, world, [{ quantity: 30 }], { minStockLevel: 10 })));
    await Promise.all(
      products.flatMap(({ lotIds }) =>
        Array.from({ length: 25 }, () => adjustLot(sender.deps, world.admin, { lotId: lotIds[0] as string, change: -1, reason: "sale" })),
      ),
    );
    await expect.poll(() => termii.requests.filter((r) => r.body.includes(phone)).length, { timeout: 30_000 }).toBe(6);
    await expect.poll(async () => database.current.db.notification.count({ where: { recipient: phone, status: "SENT" } }), { timeout: 10_000 }).toBe(6);
    expect(await database.current.db.lowStockAlert.count({ where: { producerId: world.producer.id } })).toBe(6);
    await sender.stop(2_000);
  }, 90_000);
});
