import { useTestDatabase } from "@stockroom/db/testing";
import { createProducer, ManualClock } from "@stockroom/domain/testing";
import { createSmtpProvider, createTermiiProvider, createTwilioProvider } from "@stockroom/notifications";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeHttpProvider, startSmtpServer } from "./testing/fake-providers.ts";
import { type RunningWorker, startWorker } from "./worker.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date());
let worker: RunningWorker;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let termii: Awaited<ReturnType<typeof startFakeHttpProvider>>;
let twilio: Awaited<ReturnType<typeof startFakeHttpProvider>>;
/** Per-recipient script of Termii answers: fail this many times first (Infinity = always). */
const termiiFailures = new Map<string, number>();

beforeAll(async () => {
  smtp = await startSmtpServer();
  termii = await startFakeHttpProvider((request) => {
    const to = (JSON.parse(request.body) as { to: string }).to;
    const remaining = termiiFailures.get(to) ?? 0;
    if (remaining > 0) {
      termiiFailures.set(to, remaining - 1);
      return { status: 503, body: { message: "temporarily unavailable" } };
    }
    return { status: 200, body: { code: "ok", message_id: `termii-${to}`, message: "Successfully Sent", balance: 10, user: "test" } };
  });
  twilio = await startFakeHttpProvider(() => ({ status: 201, body: { sid: "SM123", status: "queued" } }));
  worker = await startWorker({
    databaseUrl: database.current.appUrl,
    db: database.current.appDb,
    clock,
    log: pino({ level: "silent" }),
    pollingIntervalSeconds: 0.5,
    isSpyEnabled: true,
    messengers: {
      EMAIL: createSmtpProvider({ url: smtp.url, from: "Stockroom <alerts@stockroom.test>" }),
      SMS: createTermiiProvider({ baseUrl: termii.url, apiKey: "termii-key", senderId: "Stockroom" }, "generic"),
      WHATSAPP: createTwilioProvider({ baseUrl: twilio.url, accountSid: "AC123", authToken: "secret", from: "+15550001111" }, "whatsapp"),
    },
  });
});
afterAll(async () => {
  await worker.stop(5_000);
  await Promise.all([smtp.close(), termii.close(), twilio.close()]);
});

async function notification(channel: "EMAIL" | "SMS" | "WHATSAPP", recipient: string) {
  const producer = await createProducer(database.current.db);
  return database.current.db.notification.create({
    data: {
      producerId: producer.id,
      dedupeKey: `test:${channel}:${recipient}:${Date.now()}`,
      channel,
      recipient,
      template: "test",
      subject: "Hello there",
      body: "Body text 123",
    },
  });
}

async function deliver(id: string) {
  const spy = worker.boss.getSpy<{ notificationId: string }>("notifications.send");
  const jobId = await worker.deps.jobs.send("notifications.send", { notificationId: id });
  return { spy, jobId: jobId as string };
}

// Every test starts at the same time, whatever the one before moved the clock to.
beforeEach(() => clock.reset());

describe("notification delivery", () => {
  it("email goes over real SMTP: recipient, subject and body arrive", async () => {
    const n = await notification("EMAIL", "ops@greenleaf.test");
    const { spy, jobId } = await deliver(n.id);
    await spy.waitForJobWithId(jobId, "completed");
    const mail = smtp.mails.find((m) => m.to.includes("ops@greenleaf.test"));
    expect(mail).toMatchObject({ from: "alerts@stockroom.test", subject: "Hello there" });
    expect(mail?.text).toContain("Body text 123");
    expect(mail?.raw).toContain(`X-Stockroom-Notification: ${n.id}`);
    expect(await database.current.db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ status: "SENT", attempts: 1, provider: "smtp" });
  });

  it("WhatsApp goes to Twilio's Messages API with basic auth and whatsapp: addresses", async () => {
    const n = await notification("WHATSAPP", "+2348011111111");
    const { spy, jobId } = await deliver(n.id);
    await spy.waitForJobWithId(jobId, "completed");
    const request = twilio.requests.at(-1);
    expect(request?.path).toBe("/2010-04-01/Accounts/AC123/Messages.json");
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from("AC123:secret").toString("base64")}`);
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      To: "whatsapp:+2348011111111",
      From: "whatsapp:+15550001111",
      Body: "Body text 123",
    });
    expect(await database.current.db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ status: "SENT", providerMessageId: "SM123" });
  });

  it("SMS via Termii: fails twice, then is delivered on attempt 3 with backoff", async () => {
    termiiFailures.set("+2348022222222", 2);
    const n = await notification("SMS", "+2348022222222");
    const { spy, jobId } = await deliver(n.id);
    await spy.waitForJobWithId(jobId, "completed");
    const calls = termii.requests.filter((r) => r.body.includes("+2348022222222"));
    expect(calls).toHaveLength(3);
    expect(JSON.parse(calls[0]?.body ?? "{}")).toEqual({
      to: "+2348022222222",
      from: "Stockroom",
      sms: "Body text 123",
      type: "plain",
      channel: "generic",
      api_key: "termii-key",
    });
    expect(await database.current.db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({
      status: "SENT",
      attempts: 3,
      providerMessageId: "termii-+2348022222222",
    });
  }, 30_000);

  it("a provider that always fails: FAILED with the reason, via the dead-letter queue", async () => {
    termiiFailures.set("+2348033333333", Number.POSITIVE_INFINITY);
    const n = await notification("SMS", "+2348033333333");
    const dead = worker.boss.getSpy<{ notificationId: string }>("notifications.dead");
    await deliver(n.id);
    await dead.waitForJob((data) => data.notificationId === n.id, "completed");
    const record = await database.current.db.notification.findUniqueOrThrow({ where: { id: n.id } });
    expect(record).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(record.lastError).toMatch(/^Gave up after 3 attempt\(s\): Termii answered 503/);
  }, 30_000);

  it("a redelivered job never sends the same notification twice", async () => {
    const n = await notification("WHATSAPP", "+2348044444444");
    const first = await deliver(n.id);
    await first.spy.waitForJobWithId(first.jobId, "completed");
    const again = await deliver(n.id);
    await again.spy.waitForJobWithId(again.jobId, "completed");
    expect(twilio.requests.filter((r) => r.body.includes("2348044444444"))).toHaveLength(1);
  });
});
