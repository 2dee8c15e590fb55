import { randomBytes } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { createProducer, createStaff, createStockWorld, productWithStock, TEST_CHECKOUT, TEST_PASSWORD } from "@stockroom/domain/testing";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "./app.ts";
import { useTestServer } from "./testing/use-test-server.ts";

// Probe 1 of issue 13: an idempotency key must not let another producer read (or probe) a stored answer.
const database = useTestDatabase();
const server = useTestServer(database);

const json = { "content-type": "application/json", "x-stockroom-csrf": "1" };

async function signedIn(producerId: string): Promise<string> {
  const staff = await createStaff(database.current.db, { role: "PRODUCER_ADMIN", producerId });
  const response = await server.app.inject({
    method: "POST",
    url: "/trpc/auth.signIn",
    headers: json,
    payload: { email: staff.email, password: TEST_PASSWORD },
  });
  return response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? "";
}

async function placedOrder(productId: string): Promise<string> {
  const cartToken = randomBytes(16).toString("base64url");
  const placed = await server.app.inject({
    method: "POST",
    url: "/trpc/orders.place",
    headers: { ...json, "x-cart-token": cartToken },
    payload: { ...TEST_CHECKOUT, lines: [{ productId, quantity: 2 }] },
  });
  return placed.json().result.data.orders[0].orderId;
}

describe("idempotency keys are scoped by tenant", () => {
  it("another producer replaying A's order status key gets NOT_FOUND, whatever the status; A's replay still answers", async () => {
    const world = await createStockWorld(database.current.db);
    const { product } = await productWithStock(server.testDeps.deps, world, [{ quantity: 5 }]);
    const orderId = await placedOrder(product.id);
    const cookieA = await signedIn(world.producer.id);
    const cookieB = await signedIn((await createProducer(database.current.db)).id);
    const key = `order-${orderId}-confirm`;
    const send = (cookie: string, status: string) =>
      server.app.inject({
        method: "POST",
        url: `/api/orders/${orderId}/status`,
        headers: { ...json, "idempotency-key": key },
        cookies: { [SESSION_COOKIE]: cookie },
        payload: { status },
      });

    const first = await send(cookieA, "CONFIRMED");
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ orderId, status: "CONFIRMED" });

    const replayByB = await send(cookieB, "CONFIRMED");
    expect(replayByB.statusCode).toBe(404);
    expect(replayByB.json().error.code).toBe("NOT_FOUND");
    expect(replayByB.json()).not.toHaveProperty("number");

    const otherStatusByB = await send(cookieB, "CANCELLED");
    expect(otherStatusByB.statusCode).toBe(404);
    expect(otherStatusByB.json().error.code).toBe("NOT_FOUND");

    const replayByA = await send(cookieA, "CONFIRMED");
    expect(replayByA.statusCode).toBe(200);
    expect(replayByA.json()).toEqual(first.json());

    const order = await database.current.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("CONFIRMED");
    const lot = await database.current.db.lot.findFirstOrThrow({ where: { productId: product.id } });
    expect({ onHand: lot.onHand, reserved: lot.reserved }).toEqual({ onHand: 5, reserved: 2 });
  });
});
