import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { createStockWorld, preferSupplier, productWithStock, supplierFor } from "@stockroom/domain/testing";
import { Webhook } from "standardwebhooks";
import { beforeAll, expect, it } from "vitest";
import { useTestServer } from "./testing/use-test-server.ts";

// The supplier's stock-update webhook over HTTP, signed the way a supplier's standardwebhooks library signs it.
const database = useTestDatabase();
const server = useTestServer(database);
let supplier: { id: string; secret: string };

beforeAll(async () => {
  const { deps } = server.testDeps;
  const world = await createStockWorld(database.current.db);
  const { product } = await productWithStock(deps, world, []);
  const created = await supplierFor(deps, world);
  await preferSupplier(deps, world, { supplierId: created.id, productId: product.id, supplierSku: "LEAF-1", unitCostCents: 150 });
  const row = await database.current.db.supplier.findUniqueOrThrow({ where: { id: created.id } });
  supplier = { id: row.id, secret: row.webhookSecret };
});

function post(body: string, options: { secret?: string; supplierId?: string; eventId?: string } = {}) {
  const eventId = options.eventId ?? `evt_${randomUUID()}`;
  const at = new Date();
  return server.app.inject({
    method: "POST",
    url: `/webhooks/supplier/${options.supplierId ?? supplier.id}/stock-update`,
    headers: {
      "content-type": "application/json",
      "webhook-id": eventId,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(options.secret ?? supplier.secret).sign(eventId, at, body),
    },
    payload: body,
  });
}
const cost = async () => (await database.current.db.supplierProduct.findFirstOrThrow({ where: { supplierId: supplier.id } })).unitCostCents;

it("a signed update applies once: 200 applied, then 200 duplicate for the same event id", async () => {
  const body = JSON.stringify({ products: [{ supplierSku: "LEAF-1", unitCostCents: 170, stock: 12 }] });
  const first = await post(body, { eventId: "evt_once" });
  expect(first.statusCode).toBe(200);
  expect(first.json()).toMatchObject({ status: "applied", updatedProducts: 1 });
  expect(await cost()).toBe(170);
  const replay = await post(body, { eventId: "evt_once" });
  expect(replay.statusCode).toBe(200);
  expect(replay.json()).toMatchObject({ status: "duplicate", updatedProducts: 0 });
});

it("a bad signature is 401 and changes nothing; an unknown supplier 404; a malformed body 400 naming the field", async () => {
  const before = await cost();
  const body = JSON.stringify({ products: [{ supplierSku: "LEAF-1", unitCostCents: 1 }] });
  const forged = await post(body, { secret: `whsec_${Buffer.from(randomUUID()).toString("base64")}` });
  expect(forged.statusCode).toBe(401);
  expect(forged.json().error.code).toBe("UNAUTHENTICATED");
  expect(await cost()).toBe(before);
  expect((await post(body, { supplierId: randomUUID() })).statusCode).toBe(404);
  const malformed = await post(JSON.stringify({ leadTimeDays: "soon" }));
  expect(malformed.statusCode).toBe(400);
  expect(malformed.json().error.fields).toEqual({ leadTimeDays: expect.any(String) });
  const notJson = await post("{not json");
  expect(notJson.statusCode).toBe(400);
  expect(notJson.json().error.fields).toEqual({ body: "Not JSON." });
  expect(await database.current.db.supplierWebhookEvent.count({ where: { supplierId: supplier.id } })).toBe(1);
});
