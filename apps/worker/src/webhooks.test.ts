import { useTestDatabase } from "@stockroom/db/testing";
import { adjustLot, createWebhookEndpoint, resendWebhookDelivery, sendWebhookTestEvent, setWebhookEndpointEnabled, systemClock } from "@stockroom/domain";
import { createStaff, createStockWorld, createTestDeps, productWithStock } from "@stockroom/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker } from "./testing/test-worker.ts";
import { startWebhookReceiver } from "./testing/webhook-receiver.ts";
import type { RunningWorker } from "./worker.ts";

const database = useTestDatabase();
// Three attempts 50 ms apart; an endpoint is switched off at its first delivery that ends FAILED.
const webhooks = { allowPrivateUrls: true, retryDelaysSeconds: [0.05, 0.05], timeoutMs: 2_000, disableAfterHours: 0 };
let worker: RunningWorker;
let sender: Awaited<ReturnType<typeof createTestDeps>>;

beforeAll(async () => {
  worker = await startTestWorker(database.current, systemClock, { webhooks, webhookDispatchIntervalMs: 100 });
  sender = await createTestDeps(database.current.appDb, database.current.appUrl, systemClock);
});
afterAll(async () => {
  await worker.stop(5_000);
  await sender.close();
});

/** A producer with an endpoint at this receiver, subscribed to stock.updated. */
async function endpointFor(receiverUrl: string) {
  const world = await createStockWorld(database.current.db);
  // Without alert settings, a producer's admins are its alert recipients.
  await createStaff(database.current.db, { role: "PRODUCER_ADMIN", producerId: world.producer.id });
  const deps = { ...sender.deps, webhooks };
  const endpoint = await createWebhookEndpoint(deps, world.admin, { producerId: world.producer.id, url: receiverUrl, eventTypes: ["stock.updated"] });
  const secret = (await database.current.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).secret;
  return { world, endpoint, secret, deps };
}
const deliveriesOf = (endpointId: string) =>
  database.current.db.webhookDelivery.findMany({ where: { endpointId }, include: { attemptLog: { orderBy: { id: "asc" } } } });

describe("webhook delivery", () => {
  it("signs per Standard Webhooks (the library verifies it); a receiver that fails twice gets the event on the third try, same id", async () => {
    let secret = "";
    const receiver = await startWebhookReceiver(
      () => secret,
      (_request, index) => (index < 2 ? 503 : 200),
    );
    try {
      const setup = await endpointFor(receiver.url);
      secret = setup.secret;
      await productWithStock(setup.deps, setup.world, [{ quantity: 7 }]);
      await expect.poll(async () => (await deliveriesOf(setup.endpoint.id))[0]?.status, { timeout: 20_000, interval: 100 }).toBe("DELIVERED");
      const [delivery] = await deliveriesOf(setup.endpoint.id);
      expect(delivery?.attempts).toBe(3);
      expect(delivery?.attemptLog.map((a) => a.statusCode)).toEqual([503, 503, 200]);
      expect(delivery?.attemptLog.map((a) => a.responseExcerpt)).toEqual(["down (503)", "down (503)", "thanks"]);
      expect(delivery?.attemptLog.every((a) => a.latencyMs >= 0 && a.latencyMs < 2_000)).toBe(true);
      expect(receiver.received).toHaveLength(3);
      expect(new Set(receiver.received.map((r) => r.id))).toEqual(new Set([delivery?.eventId]));
      expect(receiver.received.every((r) => r.isVerified)).toBe(true);
      expect(receiver.received[2]?.body).toMatchObject({ id: delivery?.eventId, type: "stock.updated", data: { quantity: 7, product: { newOnHand: 7 } } });
      expect(receiver.received[2]?.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    } finally {
      await receiver.close();
    }
  }, 30_000);

  it("a receiver down for the whole retry window: FAILED, the endpoint switched off with a reason and its producer told; send again delivers the same id", async () => {
    let isUp = false;
    let secret = "";
    const receiver = await startWebhookReceiver(
      () => secret,
      () => (isUp ? 200 : 500),
    );
    try {
      const setup = await endpointFor(receiver.url);
      secret = setup.secret;
      const { lotIds } = await productWithStock(setup.deps, setup.world, [{ quantity: 3 }]);
      await expect.poll(async () => (await deliveriesOf(setup.endpoint.id))[0]?.status, { timeout: 20_000, interval: 100 }).toBe("FAILED");
      const [failed] = await deliveriesOf(setup.endpoint.id);
      expect(failed?.attempts).toBe(3);
      expect(failed?.lastError).toBe("HTTP 500");
      const endpoint = await database.current.db.webhookEndpoint.findUniqueOrThrow({ where: { id: setup.endpoint.id } });
      expect(endpoint.isEnabled).toBe(false);
      expect(endpoint.disabledReason).toBe(
        "Every delivery failed for 0 hours, so Stockroom switched this endpoint off. Fix the receiver, then switch it on again.",
      );
      const notices = await database.current.db.notification.findMany({
        where: { producerId: setup.world.producer.id, template: "webhook-endpoint-disabled" },
      });
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ channel: "EMAIL", subject: "A webhook endpoint was switched off" });
      expect(notices[0]?.body).toContain(receiver.url);

      // Switched off: a new change records no event for it.
      await adjustLot(setup.deps, setup.world.admin, { lotId: lotIds[0] as string, change: 1, reason: "Found in the back" });
      expect(await database.current.db.webhookDelivery.count({ where: { endpointId: setup.endpoint.id } })).toBe(1);

      isUp = true;
      const resend = () => resendWebhookDelivery(setup.deps, setup.world.admin, { deliveryId: failed?.id as string });
      expect(await resend().catch((e: { code: string; userMessage: string }) => [e.code, e.userMessage])).toEqual([
        "CONFLICT",
        "This endpoint is switched off: switch it on first.",
      ]);
      await setWebhookEndpointEnabled(setup.deps, setup.world.admin, { endpointId: setup.endpoint.id, isEnabled: true });
      await resendWebhookDelivery(setup.deps, setup.world.admin, { deliveryId: failed?.id as string });
      await expect.poll(async () => (await deliveriesOf(setup.endpoint.id))[0]?.status, { timeout: 20_000, interval: 100 }).toBe("DELIVERED");
      expect(receiver.received.map((r) => r.id)).toEqual(Array(4).fill(failed?.eventId));

      // The test event goes even to a switched-off endpoint.
      const test = await sendWebhookTestEvent(setup.deps, setup.world.admin, { endpointId: setup.endpoint.id });
      await expect
        .poll(() => receiver.received.some((r) => r.id === test.eventId && r.body.type === "webhook.test" && r.isVerified), { timeout: 20_000 })
        .toBe(true);
    } finally {
      await receiver.close();
    }
  }, 40_000);

  it("checks the address again at delivery: a private URL saved while allowed is refused once they are not", async () => {
    const receiver = await startWebhookReceiver(() => "whsec_dGVzdA==");
    try {
      const setup = await endpointFor(receiver.url);
      // The worker's own settings allow private URLs; this one has them off.
      const strict = { ...sender.deps, webhooks: { ...webhooks, allowPrivateUrls: false } };
      const { deliverWebhook, dispatchWebhookDeliveries } = await import("@stockroom/domain");
      await worker.stop(5_000);
      await productWithStock(setup.deps, setup.world, [{ quantity: 1 }]);
      await dispatchWebhookDeliveries(strict);
      const [queued] = await deliveriesOf(setup.endpoint.id);
      expect(await deliverWebhook(strict, { deliveryId: queued?.id as string })).toEqual({ outcome: "retrying" });
      const [after] = await deliveriesOf(setup.endpoint.id);
      expect(after?.attemptLog[0]).toMatchObject({
        statusCode: null,
        error: "This URL points to a private or local address; webhooks go to public addresses only.",
      });
      expect(receiver.received).toHaveLength(0);
    } finally {
      worker = await startTestWorker(database.current, systemClock, { webhooks, webhookDispatchIntervalMs: 100 });
      await receiver.close();
    }
  }, 30_000);
});
