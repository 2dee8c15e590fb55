import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { actorFor, createProducer, createStaff, domainFailure, useStockWorld } from "../testing/index.ts";
import { listWebhookDeliveries, resendWebhookDelivery, sendWebhookTestEvent } from "./deliveries.ts";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  revealWebhookSecret,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from "./manage-endpoints.ts";
import { isPublicAddress } from "./url-safety.ts";

const s = useStockWorld();
const PUBLIC_URL = "https://93.184.215.14/hooks";

describe("webhook endpoints", () => {
  it("creates one with a Standard Webhooks secret, masked in lists, revealed and rotated with an audit trail", async () => {
    const endpoint = await createWebhookEndpoint(s.deps, s.world.admin, {
      producerId: s.world.producer.id,
      url: PUBLIC_URL,
      description: "ERP",
      eventTypes: ["stock.updated", "stock.updated", "order.created"],
    });
    expect(endpoint).toMatchObject({ url: PUBLIC_URL, eventTypes: ["stock.updated", "order.created"], isEnabled: true, disabledReason: null });
    expect(endpoint.secretHint).toMatch(/^whsec_….{4}$/);
    const { secret } = await revealWebhookSecret(s.deps, s.world.admin, { endpointId: endpoint.id });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    const rotated = await rotateWebhookSecret(s.deps, s.world.admin, { endpointId: endpoint.id });
    expect(rotated.secret).not.toBe(secret);
    const actions = await s.db.auditEvent.findMany({ where: { targetId: endpoint.id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["webhooks.endpoint_created", "webhooks.secret_revealed", "webhooks.secret_rotated"]);
    expect(JSON.stringify(actions.map((a) => a.details))).not.toContain(rotated.secret.slice(6));
  });

  it("refuses private, loopback, link-local and unique-local URLs with a field error on url, and writes nothing", async () => {
    const before = await s.db.webhookEndpoint.count();
    for (const url of [
      "http://127.0.0.1:8080/x",
      "http://10.1.2.3/x",
      "http://169.254.169.254/latest",
      "http://[::1]/x",
      "http://[fd00::1]/x",
      "http://localhost/x",
    ]) {
      const failure = await domainFailure(createWebhookEndpoint(s.deps, s.world.admin, { producerId: s.world.producer.id, url, eventTypes: ["stock.low"] }));
      expect(failure.code, url).toBe("VALIDATION_FAILED");
      expect(failure.fields?.url, url).toBe("This URL points to a private or local address; webhooks go to public addresses only.");
    }
    const endpoint = await createWebhookEndpoint(s.deps, s.world.admin, { producerId: s.world.producer.id, url: PUBLIC_URL, eventTypes: ["stock.low"] });
    const failure = await domainFailure(updateWebhookEndpoint(s.deps, s.world.admin, { endpointId: endpoint.id, url: "http://192.168.1.10/x" }));
    expect(failure.fields).toEqual({ url: "This URL points to a private or local address; webhooks go to public addresses only." });
    expect((await s.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).url).toBe(PUBLIC_URL);
    expect(await s.db.webhookEndpoint.count()).toBe(before + 1);
  });

  it("allows private URLs with the setting, and requires https when told to", async () => {
    const dev = { ...s.deps, webhooks: { allowPrivateUrls: true } };
    const local = await createWebhookEndpoint(dev, s.world.admin, { producerId: s.world.producer.id, url: "http://127.0.0.1:9/x", eventTypes: ["stock.low"] });
    expect(local.url).toBe("http://127.0.0.1:9/x");
    const production = { ...s.deps, webhooks: { requireHttps: true } };
    const failure = await domainFailure(
      createWebhookEndpoint(production, s.world.admin, { producerId: s.world.producer.id, url: "http://93.184.215.14/x", eventTypes: ["stock.low"] }),
    );
    expect(failure.fields).toEqual({ url: "Use an https:// URL." });
  });

  it("names the field of bad input and never writes it", async () => {
    const failure = await domainFailure(createWebhookEndpoint(s.deps, s.world.admin, { producerId: s.world.producer.id, url: "not a url", eventTypes: [] }));
    expect(failure.code).toBe("VALIDATION_FAILED");
    expect(failure.fields).toMatchObject({ url: "Enter a full URL, e.g. https://example.com/hooks/stock.", eventTypes: "Choose at least one event." });
    const unknown = await domainFailure(
      createWebhookEndpoint(s.deps, s.world.admin, { producerId: s.world.producer.id, url: PUBLIC_URL, eventTypes: ["stock.teleported" as "stock.low"] }),
    );
    expect(Object.keys(unknown.fields ?? {})).toEqual(["eventTypes.0"]);
  });

  it("another producer's endpoint and delivery are NOT_FOUND for every action, and nothing changes", async () => {
    const endpoint = await createWebhookEndpoint(s.deps, s.world.admin, { producerId: s.world.producer.id, url: PUBLIC_URL, eventTypes: ["stock.low"] });
    const { deliveryId } = await sendWebhookTestEvent(s.deps, s.world.admin, { endpointId: endpoint.id });
    const stranger = actorFor(await createStaff(s.db, { role: "PRODUCER_ADMIN", producerId: (await createProducer(s.db)).id }));
    const endpointId = endpoint.id;
    const calls = [
      () => updateWebhookEndpoint(s.deps, stranger, { endpointId, description: "mine" }),
      () => setWebhookEndpointEnabled(s.deps, stranger, { endpointId, isEnabled: false }),
      () => deleteWebhookEndpoint(s.deps, stranger, { endpointId }),
      () => revealWebhookSecret(s.deps, stranger, { endpointId }),
      () => rotateWebhookSecret(s.deps, stranger, { endpointId }),
      () => sendWebhookTestEvent(s.deps, stranger, { endpointId }),
      () => listWebhookDeliveries(s.deps, stranger, { endpointId }),
      () => resendWebhookDelivery(s.deps, stranger, { deliveryId }),
      () => updateWebhookEndpoint(s.deps, stranger, { endpointId: randomUUID(), description: "x" }),
    ];
    for (const call of calls) expect((await domainFailure(call())).code).toBe("NOT_FOUND");
    expect(await listWebhookEndpoints(s.deps, stranger, {})).toEqual([]);
    expect(await s.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toMatchObject({ description: "", isEnabled: true });
    expect(await s.db.webhookDelivery.count({ where: { endpointId } })).toBe(1);
  });

  it("classifies addresses with ipaddr.js: only public unicast passes", () => {
    expect(["93.184.215.14", "2606:4700::1111"].map(isPublicAddress)).toEqual([true, true]);
    expect(
      ["127.0.0.1", "10.0.0.1", "172.16.0.1", "192.168.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1"].some(
        isPublicAddress,
      ),
    ).toBe(false);
  });
});
