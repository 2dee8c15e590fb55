import { useTestDatabase } from "@stockroom/db/testing";
import { DomainError, SEND_LEASE_MS, sendNotification } from "@stockroom/domain";
import { createProducer, createTestDeps, ManualClock } from "@stockroom/domain/testing";
import { createSmtpProvider, outboxProvider } from "@stockroom/notifications";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "./testing/fake-providers.ts";

const database = useTestDatabase({ maxConnections: 10 });
const clock = new ManualClock(new Date("2026-06-01T09:00:00Z"));
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let sender: Awaited<ReturnType<typeof createTestDeps>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  sender = await createTestDeps(database.current.appDb, database.current.appUrl, clock);
});
afterAll(async () => {
  await sender.close();
  await smtp.close();
});

/** A record as a killed worker leaves it: claimed (SENDING, one attempt) `claimedMsAgo` ago, never marked. */
async function leftMidSend(channel: "EMAIL" | "SMS", recipient: string, claimedMsAgo = SEND_LEASE_MS + 1_000) {
  const producer = await createProducer(database.current.db);
  const claimedAt = new Date(clock.now().getTime() - claimedMsAgo);
  return database.current.db.notification.create({
    data: {
      producerId: producer.id,
      dedupeKey: `test:${recipient}`,
      channel,
      recipient,
      template: "test",
      subject: "Hi",
      body: "Body",
      status: "SENDING",
      attempts: 1,
      claimedAt,
    },
  });
}

describe("a notification an earlier attempt left SENDING", () => {
  it("EMAIL: five redeliveries at once send it exactly once (one reclaims it), then it is SENT after two attempts", async () => {
    const email = createSmtpProvider({ url: smtp.url, from: "Shop <shop@stockroom.test>" });
    const messengers = { EMAIL: email, SMS: outboxProvider, WHATSAPP: outboxProvider };
    const record = await leftMidSend("EMAIL", "resend@customer.test");
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => sendNotification(sender.deps, messengers, { notificationId: record.id })));
    expect(results.filter((r) => r.status === "fulfilled")).toContainEqual({ status: "fulfilled", value: { status: "SENT" } });
    expect(smtp.mails.filter((m) => m.to.includes("resend@customer.test"))).toHaveLength(1);
    expect(await database.current.db.notification.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ status: "SENT", attempts: 2 });
    // Delivered: a later redelivery does nothing.
    expect(await sendNotification(sender.deps, messengers, { notificationId: record.id })).toEqual({ status: "SENT" });
    expect(smtp.mails.filter((m) => m.to.includes("resend@customer.test"))).toHaveLength(1);
  });

  it("EMAIL claimed less than the lease ago: maybe still in flight, so not sent; a retryable CONFLICT makes pg-boss try later", async () => {
    const email = createSmtpProvider({ url: smtp.url, from: "Shop <shop@stockroom.test>" });
    const record = await leftMidSend("EMAIL", "inflight@customer.test", SEND_LEASE_MS - 2_000);
    const error = await sendNotification(sender.deps, { EMAIL: email, SMS: outboxProvider, WHATSAPP: outboxProvider }, { notificationId: record.id }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "CONFLICT", isRetryable: true });
    expect(await database.current.db.notification.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ status: "SENDING", attempts: 1 });
    expect(smtp.mails.filter((m) => m.to.includes("inflight@customer.test"))).toHaveLength(0);
  });

  it("SMS: not resent (no commit point to trust), marked FAILED with the reason", async () => {
    const messengers = { EMAIL: outboxProvider, SMS: outboxProvider, WHATSAPP: outboxProvider };
    const record = await leftMidSend("SMS", "+447700900777");
    expect(await sendNotification(sender.deps, messengers, { notificationId: record.id })).toEqual({ status: "FAILED" });
    const after = await database.current.db.notification.findUniqueOrThrow({ where: { id: record.id } });
    expect(after).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(after.lastError).toContain("not resent, to avoid a duplicate");
  });
});
