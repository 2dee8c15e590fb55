import { describe, expect, it } from "vitest";
import { releaseCartHolds } from "../stock/release-holds.ts";
import { reserveCart } from "../stock/reserve-cart.ts";
import { newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { checkLowStock } from "./check-low-stock.ts";

const stock = useStockWorld();

describe("low-stock notice cooldown", () => {
  it("holding and releasing in a loop re-opens the alert without a new message; after the cooldown it notifies again; the 24 h reminder still comes", async () => {
    const { db, deps, world, clock } = stock;
    await db.alertSettings.create({
      data: {
        producerId: world.producer.id,
        emailRecipients: ["buyer@shop.test"],
        smsRecipients: [],
        whatsappRecipients: [],
        lowStockChannels: ["EMAIL"],
        escalationChannels: [],
        expiryChannels: [],
      },
    });
    const { product } = await productWithStock(deps, world, [{ quantity: 10 }], { minStockLevel: 8, name: "Cycled" });
    const messages = () => db.notification.count({ where: { producerId: world.producer.id, subject: { contains: "Cycled" } } });
    const lines = [{ productId: product.id, quantity: 5 }];

    const cycle = async () => {
      const cartId = newCartId();
      await reserveCart(deps, { cartId, lines });
      const low = await checkLowStock(deps, { productId: product.id, cooldownHours: 4 });
      await releaseCartHolds(deps, { cartId });
      const resolved = await checkLowStock(deps, { productId: product.id, cooldownHours: 4 });
      return [low.outcome, resolved.outcome];
    };
    expect(await cycle()).toEqual(["opened", "resolved"]);
    const afterFirst = await messages();
    expect(afterFirst).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) {
      clock.advance(10 * 60_000);
      expect(await cycle()).toEqual(["reopened-quietly", "resolved"]);
    }
    expect(await messages()).toBe(afterFirst);
    expect(await db.lowStockAlert.count({ where: { productId: product.id } })).toBe(6);

    // Past the cooldown a drop notifies again.
    clock.advance(5 * 3_600_000);
    expect(await cycle()).toEqual(["opened", "resolved"]);
    expect(await messages()).toBe(2 * afterFirst);

    // A quietly re-opened alert that stays low is reminded 24 h after the last notice, not never.
    clock.advance(60 * 60_000);
    const cartId = newCartId();
    await reserveCart(deps, { cartId, lines, ttlSeconds: 3 * 86_400 });
    expect((await checkLowStock(deps, { productId: product.id, cooldownHours: 4 })).outcome).toBe("reopened-quietly");
    clock.advance(23 * 3_600_000);
    expect((await checkLowStock(deps, { productId: product.id, cooldownHours: 4 })).outcome).toBe("escalated");
    expect(await messages()).toBeGreaterThan(2 * afterFirst);
  });
});
