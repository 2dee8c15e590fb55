import { describe, expect, it } from "vitest";
import { useStockWorld } from "../testing/index.ts";
import { dispatchWebhookDeliveries } from "./dispatch-deliveries.ts";

const s = useStockWorld({ maxConnections: 12 });

describe("several dispatchers at once", () => {
  it("each due delivery is claimed by exactly one of them and gets exactly one job", async () => {
    const producerId = s.world.producer.id;
    const endpoint = await s.db.webhookEndpoint.create({
      data: { producerId, url: "https://93.184.215.14/h", eventTypes: ["stock.low"], secret: "whsec_dGVzdA==" },
    });
    for (let i = 0; i < 300; i++) await s.db.$queryRaw`SELECT webhook_record_event(${producerId}::uuid, 'stock.low', ${`p-${i}`}, '{}'::jsonb)`;
    expect(await s.db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "PENDING" } })).toBe(300);
    // Six racing dispatchers, each on its own connection, 40 at a time, until nothing is due.
    const drain = async () => {
      let claimed = 0;
      for (;;) {
        const { queued } = await dispatchWebhookDeliveries(s.deps, { limit: 40 });
        if (queued === 0) return claimed;
        claimed += queued;
      }
    };
    const claims = await Promise.all(Array.from({ length: 6 }, drain));
    expect(claims.reduce((a, b) => a + b, 0)).toBe(300);
    expect(claims.filter((c) => c > 0).length).toBeGreaterThan(1);
    expect(await s.db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "QUEUED" } })).toBe(300);
    const jobs = await s.db.$queryRaw<{ n: bigint; ids: bigint }[]>`
      SELECT count(*) AS n, count(DISTINCT data->>'deliveryId') AS ids FROM pgboss.job WHERE name = 'webhooks.deliver'`;
    expect(jobs[0]).toEqual({ n: 300n, ids: 300n });
  });
});
