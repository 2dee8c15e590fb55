import { randomBytes } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { createStaff, createStockWorld, productWithStock, TEST_CHECKOUT, TEST_PASSWORD } from "@stockroom/domain/testing";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "./app.ts";
import { useTestServer } from "./testing/use-test-server.ts";

const database = useTestDatabase();
const server = useTestServer(database);

const headers = (cartToken: string) => ({ "content-type": "application/json", "x-stockroom-csrf": "1", "x-cart-token": cartToken });

describe("REST for integrations", () => {
  it("POST /api/cart/reserve holds, answers 409 with the short lines, DELETE releases; POST status moves stock", async () => {
    const world = await createStockWorld(database.current.db);
    const { product } = await productWithStock(server.testDeps.deps, world, [{ quantity: 2 }]);
    const token = randomBytes(16).toString("base64url");

    const held = await server.app.inject({
      method: "POST",
      url: "/api/cart/reserve",
      headers: headers(token),
      payload: { lines: [{ productId: product.id, quantity: 2 }] },
    });
    expect(held.statusCode).toBe(200);
    const holdId = held.json().holds[0].holdId;

    const short = await server.app.inject({
      method: "POST",
      url: "/api/cart/reserve",
      headers: headers(randomBytes(16).toString("base64url")),
      payload: { lines: [{ productId: product.id, quantity: 1 }] },
    });
    expect(short.statusCode).toBe(409);
    expect(short.json().error).toMatchObject({ code: "CONFLICT", details: { shortLines: [{ productId: product.id, requested: 1, available: 0 }] } });

    const bad = await server.app.inject({
      method: "POST",
      url: "/api/cart/reserve",
      headers: headers(token),
      payload: { lines: [{ productId: product.id, quantity: -1 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ "lines.0.quantity": "Quantity must be at least 1." });

    const released = await server.app.inject({
      method: "DELETE",
      url: `/api/cart/reserve/${holdId}`,
      headers: { "x-stockroom-csrf": "1", "x-cart-token": token },
    });
    expect(released.json()).toEqual({ released: 1 });

    const place = await server.app.inject({
      method: "POST",
      url: "/trpc/orders.place",
      headers: headers(token),
      payload: { ...TEST_CHECKOUT, lines: [{ productId: product.id, quantity: 1 }] },
    });
    const orderId = place.json().result.data.orders[0].orderId;
    const staff = await createStaff(database.current.db, { role: "PRODUCER_ADMIN", producerId: world.producer.id });
    const signIn = await server.app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      headers: headers(token),
      payload: { email: staff.email, password: TEST_PASSWORD },
    });
    const cookie = signIn.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? "";
    const statusHeaders = { ...headers(token), "idempotency-key": "status-key-123" };
    const anonymous = await server.app.inject({
      method: "POST",
      url: `/api/orders/${orderId}/status`,
      headers: statusHeaders,
      payload: { status: "CONFIRMED" },
    });
    expect(anonymous.statusCode).toBe(401);
    for (const status of ["CONFIRMED", "DISPATCHED"]) {
      const response = await server.app.inject({
        method: "POST",
        url: `/api/orders/${orderId}/status`,
        headers: { ...statusHeaders, "idempotency-key": `k-${status}-0001` },
        cookies: { [SESSION_COOKIE]: cookie },
        payload: { status },
      });
      expect(response.statusCode).toBe(200);
    }
    const lot = await database.current.db.lot.findFirstOrThrow({ where: { productId: product.id } });
    expect({ onHand: lot.onHand, reserved: lot.reserved }).toEqual({ onHand: 1, reserved: 0 });
  });

  it("serves an OpenAPI 3.1 document describing the three paths", async () => {
    const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/api/cart/reserve", "/api/cart/reserve/{id}", "/api/orders/{id}/status"]);
    expect(doc.paths["/api/cart/reserve"].post.requestBody.content["application/json"].schema.properties.lines.type).toBe("array");
  });
});
