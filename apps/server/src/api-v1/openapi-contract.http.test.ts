import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { createApiKey, placeOrder } from "@stockroom/domain";
import { createStockWorld, newCartId, productWithStock, TEST_CHECKOUT } from "@stockroom/domain/testing";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "../testing/use-test-server.ts";

const database = useTestDatabase();
const server = useTestServer(database);

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
let document: { paths: Record<string, Record<string, Operation>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
/** Every operation called, and every status seen per operation. */
const exercised = new Map<string, Set<number>>();

/**
 * Calls one documented operation and checks the answer against the served document: its status is
 * documented for that operation, and its body validates against that status's schema.
 */
async function exercise(method: string, path: string, url: string, secret: string | null, payload?: object) {
  const answer = await server.app.inject({ method: method as "GET", url, payload, headers: secret ? { authorization: `Bearer ${secret}` } : {} });
  const operation = document.paths[path]?.[method.toLowerCase()];
  expect(operation, `${method} ${path} is documented`).toBeDefined();
  const response = operation?.responses[String(answer.statusCode)];
  expect(response, `${method} ${path} documents status ${answer.statusCode}: ${answer.body}`).toBeDefined();
  const [contentType, media] = Object.entries(response?.content ?? {})[0] ?? [];
  expect(answer.headers["content-type"]).toContain(contentType);
  const pointer = `openapi#/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/${method.toLowerCase()}/responses/${answer.statusCode}/content/${String(contentType).replaceAll("/", "~1")}/schema`;
  const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
  expect(media).toBeDefined();
  expect(validate(answer.json()), `${method} ${path} ${answer.statusCode}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  const key = `${method} ${path}`;
  exercised.set(key, (exercised.get(key) ?? new Set()).add(answer.statusCode));
  return answer;
}

describe("the served OpenAPI document", () => {
  beforeAll(async () => {
    document = (await server.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    ajv.addSchema(document, "openapi");
  });

  afterAll(() => {
    // Checked last: a route added to the document without a call below fails here.
    const documented = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.filter((op) => !exercised.has(op))).toEqual([]);
    for (const [op, statuses] of exercised) expect([op, [...statuses].some((s) => s < 300), [...statuses].some((s) => s >= 400)]).toEqual([op, true, true]);
  });

  it("is OpenAPI 3.1 with the bearer scheme, a scope per operation and the problem shape", () => {
    expect(document).toMatchObject({ openapi: "3.1.0", components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer" } } } });
    const operations = Object.values(document.paths).flatMap((ops) => Object.values(ops)) as unknown as { security: unknown; "x-required-scope": string }[];
    expect(operations.length).toBeGreaterThanOrEqual(15);
    for (const op of operations) expect(op.security).toEqual([{ apiKey: [op["x-required-scope"]] }]);
  });

  it("every route answers, success and error, as the document says", async () => {
    const world = await createStockWorld(database.current.db);
    const deps = server.testDeps.deps;
    const { product, lotIds } = await productWithStock(deps, world, [{ quantity: 30 }], { name: "Contract jam" });
    const spare = await productWithStock(deps, world, [], { name: "Spare jam" });
    const lotId = lotIds[0] as string;
    const { orders } = await placeOrder(deps, { ...TEST_CHECKOUT, cartId: newCartId(), lines: [{ productId: product.id, quantity: 2 }] });
    const orderId = orders[0]?.orderId as string;
    const all = await createApiKey(deps, world.admin, {
      producerId: world.producer.id,
      name: "All",
      scopes: ["read", "stock:write", "orders:write", "catalog:write"],
    });
    const read = await createApiKey(deps, world.admin, { producerId: world.producer.id, name: "Read", scopes: ["read"] });
    const [k, r] = [all.secret, read.secret];
    const missing = randomUUID();

    await exercise("GET", "/products", "/api/v1/products?limit=1", k);
    await exercise("GET", "/products", "/api/v1/products", null);
    await exercise("GET", "/products/{productId}", `/api/v1/products/${product.id}`, k);
    await exercise("GET", "/products/{productId}", `/api/v1/products/${missing}`, k);
    await exercise("POST", "/products", "/api/v1/products", k, { sku: `C-${missing}`, name: "New jam", category: "Jam", priceCents: 450, unitCostCents: 200 });
    await exercise("POST", "/products", "/api/v1/products", k, { sku: "", name: "" });
    await exercise("PATCH", "/products/{productId}", `/api/v1/products/${product.id}`, k, { priceCents: 500 });
    await exercise("PATCH", "/products/{productId}", `/api/v1/products/${product.id}`, k, { priceCents: -1 });
    await exercise("POST", "/products/{productId}/archive", `/api/v1/products/${spare.product.id}/archive`, k);
    await exercise("POST", "/products/{productId}/archive", `/api/v1/products/${spare.product.id}/archive`, r);
    await exercise("GET", "/products/{productId}/stock", `/api/v1/products/${product.id}/stock`, r);
    await exercise("GET", "/products/{productId}/stock", `/api/v1/products/${missing}/stock`, r);
    await exercise("GET", "/products/{productId}/lots", `/api/v1/products/${product.id}/lots`, r);
    await exercise("GET", "/products/{productId}/lots", "/api/v1/products/not-a-uuid/lots", r);
    await exercise("POST", "/stock/receive", "/api/v1/stock/receive", k, { productId: product.id, locationId: world.shop.id, lotNumber: "C-2", quantity: 5 });
    await exercise("POST", "/stock/receive", "/api/v1/stock/receive", k, { productId: product.id, locationId: world.shop.id, lotNumber: "C-3", quantity: 0 });
    await exercise("POST", "/stock/adjust", "/api/v1/stock/adjust", k, { lotId, change: -1, reason: "Count correction" });
    await exercise("POST", "/stock/adjust", "/api/v1/stock/adjust", k, { lotId: missing, change: -1, reason: "Count correction" });
    const onHand = (await database.current.db.lot.findUniqueOrThrow({ where: { id: lotId } })).onHand;
    const set = await exercise("PUT", "/stock/on-hand", "/api/v1/stock/on-hand", k, { lotId, expectedOnHand: onHand, onHand: onHand + 2 });
    expect(set.json()).toMatchObject({ previousOnHand: onHand, onHand: onHand + 2 });
    const stale = await exercise("PUT", "/stock/on-hand", "/api/v1/stock/on-hand", k, { lotId, expectedOnHand: onHand, onHand: 1 });
    expect([stale.statusCode, stale.json().details]).toEqual([409, { currentOnHand: onHand + 2 }]);
    const batch = await exercise("POST", "/products/batch-update", "/api/v1/products/batch-update", k, {
      updates: [
        { sku: product.sku, lotId, adjust: 1 },
        { sku: "NO-SUCH-SKU", set: 3 },
      ],
    });
    expect(batch.json()).toMatchObject({ applied: 1, failed: 1, results: [{ ok: true }, { error: { code: "NOT_FOUND", field: "updates.1.sku" } }] });
    await exercise("POST", "/products/batch-update", "/api/v1/products/batch-update", r, { updates: [{ sku: product.sku, adjust: 1 }] });
    await exercise("POST", "/stock/transfer", "/api/v1/stock/transfer", k, { lotId, toLocationId: world.backStore.id, quantity: 1 });
    await exercise("POST", "/stock/transfer", "/api/v1/stock/transfer", r, { lotId, toLocationId: world.backStore.id, quantity: 1 });
    await exercise("POST", "/stock/write-off", "/api/v1/stock/write-off", k, { lotId, quantity: 1, reason: "DAMAGED" });
    await exercise("POST", "/stock/write-off", "/api/v1/stock/write-off", k, { lotId, quantity: 1_000_000, reason: "DAMAGED" });
    await exercise("GET", "/orders", "/api/v1/orders?limit=5&status=PENDING", r);
    await exercise("GET", "/orders", "/api/v1/orders?status=LOST", r);
    await exercise("GET", "/orders/{orderId}", `/api/v1/orders/${orderId}`, r);
    await exercise("GET", "/orders/{orderId}", `/api/v1/orders/${missing}`, r);
    const confirmed = await exercise("POST", "/orders/{orderId}/status", `/api/v1/orders/${orderId}/status`, k, { status: "CONFIRMED" });
    expect(confirmed.json().status).toBe("CONFIRMED");
    await exercise("POST", "/orders/{orderId}/status", `/api/v1/orders/${orderId}/status`, k, { status: "SHIPPED" });
    const ledger = await exercise("GET", "/movements", "/api/v1/movements?limit=2", r);
    expect(ledger.json().items).toHaveLength(2);
    await exercise("GET", "/movements", "/api/v1/movements?from=2026-02-31", r);
    const events = await database.current.db.orderEvent.findMany({ where: { orderId, kind: "STATUS" } });
    expect(events.map((e) => [e.actorName, e.channel])).toEqual([[`API key All (${all.prefix})`, "API"]]);
  });
});
