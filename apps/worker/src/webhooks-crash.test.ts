import { useTestDatabase } from "@stockroom/db/testing";
import { adjustLot, createWebhookEndpoint, systemClock } from "@stockroom/domain";
import { createStockWorld, createTestDeps, productWithStock } from "@stockroom/domain/testing";
import { afterAll, describe, expect, it } from "vitest";
import { startWebhookReceiver } from "./testing/webhook-receiver.ts";
import { workerProcesses } from "./testing/worker-process.ts";

const database = useTestDatabase({ maxConnections: 10 });
const workers = workerProcesses(database);
const env = { WEBHOOKS_ALLOW_PRIVATE_URLS: "1", WEBHOOKS_RETRY_DELAYS: "0.2,0.5,1", WEBHOOKS_DISPATCH_INTERVAL_MS: "100", WEBHOOKS_TIMEOUT_MS: "30000" };
afterAll(() => workers.killAll());

describe("a worker killed mid-delivery", () => {
  it("200 stock changes: every event reaches the receiver, each id at least once and no id unknown, none lost", async () => {
    let secret = "";
    // The 40th request is read and never answered: the worker is killed while it waits.
    const receiver = await startWebhookReceiver(
      () => secret,
      (_request, index) => (index === 40 ? "stall" : 200),
    );
    const sender = await createTestDeps(database.current.appDb, database.current.appUrl, systemClock);
    try {
      const world = await createStockWorld(database.current.db);
      const deps = { ...sender.deps, webhooks: { allowPrivateUrls: true } };
      const endpoint = await createWebhookEndpoint(deps, world.admin, { producerId: world.producer.id, url: receiver.url, eventTypes: ["stock.updated"] });
      secret = (await database.current.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).secret;
      const { lotIds } = await productWithStock(deps, world, [{ quantity: 1_000 }]);
      for (let i = 0; i < 199; i++) await adjustLot(deps, world.admin, { lotId: lotIds[0] as string, change: i % 2 ? 1 : -1, reason: "Count correction" });
      const events = await database.current.db.webhookEvent.findMany({ where: { producerId: world.producer.id }, orderBy: { seq: "asc" } });
      expect(events).toHaveLength(200);

      const first = workers.spawn(env);
      await expect.poll(() => receiver.stalled.length, { timeout: 30_000, interval: 100 }).toBe(1);
      first.kill("SIGKILL");
      await new Promise((resolve) => first.once("exit", resolve));
      const deliveredBeforeKill = new Set(receiver.received.map((r) => r.id)).size;
      expect(deliveredBeforeKill).toBeGreaterThanOrEqual(40);
      expect(deliveredBeforeKill).toBeLessThan(200);
      workers.spawn(env);

      await expect
        .poll(() => database.current.db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "DELIVERED" } }), { timeout: 90_000, interval: 500 })
        .toBe(200);
      const ids = new Set(receiver.received.map((r) => r.id));
      expect(ids).toEqual(new Set(events.map((e) => e.id)));
      expect(receiver.received.length).toBeGreaterThanOrEqual(200);
      expect(receiver.received.every((r) => r.isVerified)).toBe(true);
      // The stalled request's event came again with the same id.
      expect(ids.has(receiver.stalled[0]?.id as string)).toBe(true);
      // Each copy of an id is the same event.
      for (const r of receiver.received) expect(r.body.sequence).toBe(Number(events.find((e) => e.id === r.id)?.seq));
      expect(await database.current.db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: { not: "DELIVERED" } } })).toBe(0);
    } finally {
      await sender.close();
      await receiver.close();
    }
  }, 150_000);
});
