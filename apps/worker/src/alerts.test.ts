import { useTestDatabase } from "@stockroom/db/testing";
import { addDays, adjustLot, checkLowStock, markLotExpiry, receiveLot, utcDay } from "@stockroom/domain";
import { createStockWorld, ManualClock, productWithStock } from "@stockroom/domain/testing";
import { createSmtpProvider, createTermiiProvider } from "@stockroom/notifications";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeHttpProvider, startSmtpServer } from "./testing/fake-providers.ts";
import { startTestWorker } from "./testing/test-worker.ts";
import { type RunningWorker, startWorker } from "./worker.ts";

const database = useTestDatabase({ maxConnections: 20 });
const clock = new ManualClock(new Date("2026-06-01T09:00:00Z"));
let worker: RunningWorker;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let termii: Awaited<ReturnType<typeof startFakeHttpProvider>>;
let world: Awaited<ReturnType<typeof createStockWorld>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  termii = await startFakeHttpProvider(() => ({ status: 200, body: { message_id: "t-1" } }));
  worker = await startWorker({
    databaseUrl: database.current.appUrl,
    db: database.current.appDb,
    clock,
    log: pino({ level: "silent" }),
    pollingIntervalSeconds: 0.5,
    isSpyEnabled: true,
    messengers: {
      EMAIL: createSmtpProvider({ url: smtp.url, from: "alerts@stockroom.test" }),
      SMS: createTermiiProvider({ baseUrl: termii.url, apiKey: "k", senderId: "Stockroom" }, "generic"),
      WHATSAPP: createTermiiProvider({ baseUrl: termii.url, apiKey: "k", senderId: "Stockroom" }, "whatsapp"),
    },
  });
  world = await createStockWorld(database.current.db);
  await database.current.db.alertSettings.create({
    data: {
      producerId: world.producer.id,
      emailRecipients: ["buyer@shop.test"],
      smsRecipients: ["+2348000000001"],
      whatsappRecipients: ["+2348000000002"],
      lowStockChannels: ["EMAIL", "SMS", "WHATSAPP"],
      escalationChannels: [],
      expiryChannels: ["EMAIL"],
    },
  });
});
afterAll(async () => {
  await worker.stop(5_000);
  await Promise.all([smtp.close(), termii.close()]);
});

const notificationsFor = (eventPrefix: string) =>
  database.current.db.notification.findMany({ where: { dedupeKey: { startsWith: eventPrefix } }, orderBy: { channel: "asc" } });

// Every test starts at the same time, whatever the one before moved the clock to.
beforeEach(() => clock.reset());

describe("low stock", () => {
  it("crossing below the minimum opens one alert and sends on every channel; a burst of 200 changes sends once; 24 h later it escalates; restock resolves", async () => {
    const deps = worker.deps;
    const db = database.current.db;
    const { product, lotIds } = await productWithStock(deps, world, [{ quantity: 230 }], { minStockLevel: 20, name: "Burst Tonic" });
    const lotId = lotIds[0] as string;
    // 200 concurrent changes: availability falls from 230 to 30, then a last one takes it to 10 (< 20).
    await Promise.all(Array.from({ length: 200 }, (_, i) => adjustLot(deps, world.admin, { lotId, change: -1, reason: `burst ${i}` })));
    await adjustLot(deps, world.admin, { lotId, change: -20, reason: "breakage" });

    await expect
      .poll(async () => (await db.notification.findMany({ where: { template: "low-stock", producerId: world.producer.id } })).map((n) => n.status).sort(), {
        timeout: 15_000,
      })
      .toEqual(["SENT", "SENT", "SENT"]);
    const alerts = await db.lowStockAlert.findMany({ where: { productId: product.id } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: "OPEN", availableAtOpen: 10, minimumAtOpen: 20, escalationLevel: 0, notifyCount: 1 });
    const mail = smtp.mails.find((m) => m.subject.includes("Burst Tonic"));
    expect(mail?.to).toEqual(["buyer@shop.test"]);
    expect(mail?.text).toContain("10 available, minimum 20");
    expect(termii.requests.map((r) => JSON.parse(r.body).channel).sort()).toEqual(["generic", "whatsapp"]);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).lowStockNotifiedAt).not.toBeNull();

    // Later checks inside 24 h change nothing.
    clock.advance(23 * 3_600_000);
    expect(await checkLowStock(deps, { productId: product.id })).toEqual({ outcome: "still-low", notifications: 0 });
    clock.advance(3_600_000);
    expect(await checkLowStock(deps, { productId: product.id })).toEqual({ outcome: "escalated", notifications: 3 });
    const reminder = await db.lowStockAlert.findUniqueOrThrow({ where: { id: alerts[0]?.id } });
    expect(reminder).toMatchObject({ escalationLevel: 1, notifyCount: 2 });
    await expect.poll(async () => smtp.mails.filter((m) => m.subject.startsWith("[Reminder 1] Burst Tonic")).length, { timeout: 10_000 }).toBe(1);

    await receiveLot(deps, world.admin, { productId: product.id, locationId: world.shop.id, lotNumber: "RESTOCK", unitCostCents: 10, quantity: 50 });
    await expect.poll(async () => (await db.lowStockAlert.findUniqueOrThrow({ where: { id: alerts[0]?.id } })).status, { timeout: 10_000 }).toBe("RESOLVED");
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).lowStockNotifiedAt).toBeNull();
    clock.advance(48 * 3_600_000);
    expect(await checkLowStock(deps, { productId: product.id })).toEqual({ outcome: "ok", notifications: 0 });
    expect(await db.notification.count({ where: { template: { startsWith: "low-stock" }, producerId: world.producer.id } })).toBe(6);
  }, 60_000);

  it("two workers checking the same product at once open one alert and queue one set of messages", async () => {
    const { product } = await productWithStock(worker.deps, world, [{ quantity: 5 }], { minStockLevel: 10 });
    const results = await Promise.all(Array.from({ length: 8 }, () => checkLowStock(worker.deps, { productId: product.id })));
    expect(results.filter((r) => r.outcome === "opened")).toHaveLength(1);
    expect(await database.current.db.lowStockAlert.count({ where: { productId: product.id } })).toBe(1);
    const alert = await database.current.db.lowStockAlert.findFirstOrThrow({ where: { productId: product.id } });
    expect(await notificationsFor(`low-stock:${alert.id}`)).toHaveLength(3);
  });
});

describe("lot expiry bands", () => {
  it("lots at 95, 90, 31, 30, 8, 7 and 0 days are marked and alerted exactly once per band", async () => {
    const db = database.current.db;
    const today = utcDay(clock.now());
    const offsets = [95, 90, 31, 30, 8, 7, 0];
    const { lotIds } = await productWithStock(
      worker.deps,
      world,
      offsets.map((days) => ({ quantity: 3, expiryDate: addDays(today, days), lotNumber: `EXP-${days}` })),
    );
    await markLotExpiry(worker.deps);
    const bands = await db.lot.findMany({ where: { id: { in: lotIds } }, orderBy: { expiryDate: "desc" }, select: { lotNumber: true, expiryBand: true } });
    expect(bands).toEqual([
      { lotNumber: "EXP-95", expiryBand: null },
      { lotNumber: "EXP-90", expiryBand: "DAYS_90" },
      { lotNumber: "EXP-31", expiryBand: "DAYS_90" },
      { lotNumber: "EXP-30", expiryBand: "DAYS_30" },
      { lotNumber: "EXP-8", expiryBand: "DAYS_30" },
      { lotNumber: "EXP-7", expiryBand: "DAYS_7" },
      { lotNumber: "EXP-0", expiryBand: "EXPIRED" },
    ]);
    const alertsOnce = await db.lotExpiryAlert.count({ where: { lotId: { in: lotIds } } });
    expect(alertsOnce).toBe(6);
    await markLotExpiry(worker.deps);
    expect(await db.lotExpiryAlert.count({ where: { lotId: { in: lotIds } } })).toBe(6);

    // A day later the 31-day lot enters the 30-day band and the 8-day lot the 7-day band: one new alert each.
    clock.advance(24 * 3_600_000);
    await markLotExpiry(worker.deps);
    const after = await db.lotExpiryAlert.findMany({ where: { lotId: { in: lotIds } }, include: { lot: { select: { lotNumber: true } } } });
    expect(after.map((a) => `${a.lot.lotNumber}:${a.band}`).sort()).toEqual(
      ["EXP-0:EXPIRED", "EXP-30:DAYS_30", "EXP-31:DAYS_30", "EXP-31:DAYS_90", "EXP-7:DAYS_7", "EXP-8:DAYS_30", "EXP-8:DAYS_7", "EXP-90:DAYS_90"].sort(),
    );
    const expiryMails = await db.notification.findMany({ where: { template: "lot-expiry", producerId: world.producer.id } });
    expect(expiryMails).toHaveLength(after.length);
    expect(new Set(expiryMails.map((m) => m.dedupeKey)).size).toBe(after.length);
  });
});

describe("demo mode", () => {
  it("with no provider configured the message is stored in the outbox, never marked delivered", async () => {
    const local = await startTestWorker(database.current, clock, { isSpyEnabled: true });
    await worker.stop(5_000);
    try {
      const n = await database.current.db.notification.create({
        data: {
          producerId: world.producer.id,
          dedupeKey: `outbox-${Date.now()}`,
          channel: "EMAIL",
          recipient: "x@y.test",
          template: "t",
          subject: "S",
          body: "B",
        },
      });
      const jobId = await local.deps.jobs.send("notifications.send", { notificationId: n.id });
      await local.boss.getSpy("notifications.send").waitForJobWithId(jobId as string, "completed");
      expect(await database.current.db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({
        status: "OUTBOX",
        sentAt: null,
        provider: "outbox",
      });
    } finally {
      await local.stop(5_000);
      worker = await startTestWorker(database.current, clock);
    }
  });
});
