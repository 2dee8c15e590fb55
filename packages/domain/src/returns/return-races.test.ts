import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getOrder } from "../orders/get-orders.ts";
import { placeOrder } from "../orders/place-order.ts";
import { setOrderStatus } from "../orders/set-order-status.ts";
import { validateInventory } from "../stock/validate-inventory.ts";
import { domainFailure, newCartId, productWithStock, TEST_CHECKOUT, useStockWorld } from "../testing/index.ts";
import { returnEmailRecipient } from "./return-email.ts";
import { returnOrder } from "./return-order.ts";

const stock = useStockWorld({ maxConnections: 12 });

async function deliveredOrder(quantity: number, customerEmail?: string) {
  const { product, lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 20 }]);
  const customer = { ...TEST_CHECKOUT.customer, email: customerEmail ?? TEST_CHECKOUT.customer.email };
  const { orders } = await placeOrder(stock.deps, { ...TEST_CHECKOUT, customer, cartId: newCartId(), lines: [{ productId: product.id, quantity }] });
  const orderId = orders[0]?.orderId as string;
  // Without an email: an order from before checkout asked for one.
  if (!customerEmail) await stock.db.order.update({ where: { id: orderId }, data: { customerEmail: null, customerId: null } });
  for (const status of ["CONFIRMED", "DISPATCHED", "DELIVERED"] as const) await setOrderStatus(stock.deps, stock.world.admin, { orderId, status });
  const order = await getOrder(stock.deps, stock.world.admin, { orderId });
  return { orderId, line: { orderLineId: order.lines[0]?.id as string, lotId: lotIds[0] as string } };
}

describe("concurrent and repeated returns", () => {
  it("12 concurrent one-unit returns of a 3-unit order: exactly 3 go through, the rest are refused, inventory stays valid", async () => {
    const { orderId, line } = await deliveredOrder(3);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        returnOrder(stock.deps, stock.world.admin, { orderId, reason: "race", lines: [{ ...line, quantity: 1, disposition: "RESTOCK" }] }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    const refusals = outcomes.flatMap((o) => (o.status === "rejected" ? [(o.reason as { fields?: unknown }).fields] : []));
    expect(refusals).toEqual(Array.from({ length: 9 }, () => ({ "lines.0.quantity": "at most 0" })));
    expect(await stock.db.orderReturnLine.aggregate({ where: { orderLineId: line.orderLineId }, _sum: { quantity: true } })).toEqual({ _sum: { quantity: 3 } });
    expect((await stock.db.lot.findUniqueOrThrow({ where: { id: line.lotId } })).onHand).toBe(20);
    expect(await validateInventory(stock.db, stock.clock.now())).toEqual([]);
  });

  it("the same idempotency key applies once and answers the same; a different request with it is CONFLICT", async () => {
    const { orderId, line } = await deliveredOrder(2);
    const input = {
      orderId,
      reason: "double click",
      idempotencyKey: `key-${randomUUID()}`,
      lines: [{ ...line, quantity: 1, disposition: "RESTOCK" as const }],
    };
    const [first, second] = await Promise.all([returnOrder(stock.deps, stock.world.admin, input), returnOrder(stock.deps, stock.world.admin, input)]);
    expect(second).toEqual(first);
    expect(await stock.db.movement.count({ where: { lotId: line.lotId, type: "RETURN" } })).toBe(1);
    const reused = await domainFailure(returnOrder(stock.deps, stock.world.admin, { ...input, reason: "other" }));
    expect(reused.code).toBe("CONFLICT");
    expect(reused.fields).toEqual({ idempotencyKey: "already used" });
  });

  it("emails the customer once per return (template order.returned), and nothing for an order without a customer", async () => {
    const email = `buyer-${randomUUID()}@test.example`;
    await stock.db.customer.create({ data: { email, name: "Buyer" } });
    const { orderId, line } = await deliveredOrder(3, email);
    const input = {
      orderId,
      reason: "Changed mind",
      idempotencyKey: `key-${randomUUID()}`,
      lines: [{ ...line, quantity: 2, disposition: "RESTOCK" as const }],
    };
    const { returnId } = await returnOrder(stock.deps, stock.world.admin, input);
    await returnOrder(stock.deps, stock.world.admin, input);
    const sent = await stock.db.notification.findMany({ where: { template: "order.returned", recipient: email } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: "EMAIL", dedupeKey: `order.returned:${returnId}:EMAIL:${email}`, producerId: stock.world.producer.id });
    expect(sent[0]?.body).toContain("2 × ");
    const jobs = await stock.db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM pgboss.job WHERE name = 'notifications.send' AND data->>'notificationId' = ${sent[0]?.id}`;
    expect(jobs[0]?.n).toBe(1);

    const anonymous = await deliveredOrder(1);
    await returnOrder(stock.deps, stock.world.admin, {
      orderId: anonymous.orderId,
      reason: "x",
      lines: [{ ...anonymous.line, quantity: 1, disposition: "RESTOCK" }],
    });
    expect(await stock.db.notification.count({ where: { template: "order.returned" } })).toBe(1);
    expect(returnEmailRecipient({ customerEmail: null, customer: null })).toBeNull();
    expect(returnEmailRecipient({ customerEmail: "new@example.test", customer: { email: "old@example.test" } })).toBe("new@example.test");
  });
});
