import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DomainError } from "../errors.ts";
import { placeOrder } from "../orders/place-order.ts";
import { setOrderStatus } from "../orders/set-order-status.ts";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { clearStock, expectValidInventory, HOLD_PATHS, newCartId, productWithStock, useHoldPath, useStockWorld } from "../testing/index.ts";
import { adjustLot } from "./adjust-lot.ts";
import { availabilityOf } from "./availability.ts";
import { receiveLot } from "./receive-lot.ts";
import { releaseCartHolds } from "./release-holds.ts";
import { reserveCart } from "./reserve-cart.ts";
import { addDays, utcDay } from "./sql-time.ts";

/** Sequences per hold path; raise it locally with STOCK_PROPERTY_RUNS=2000. */
const RUNS = Number(process.env.STOCK_PROPERTY_RUNS ?? 200);
const stock = useStockWorld();
const { clock } = stock;

type Command =
  | { kind: "receive"; quantity: number; expiresInDays: number | null }
  | { kind: "hold"; cart: number; quantity: number }
  | { kind: "release"; cart: number }
  | { kind: "place"; cart: number }
  | { kind: "dispatch"; order: number }
  | { kind: "cancel"; order: number }
  | { kind: "adjust"; lot: number; change: number }
  | { kind: "advance"; minutes: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant("receive" as const),
    quantity: fc.integer({ min: 1, max: 6 }),
    expiresInDays: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant("hold" as const), cart: fc.integer({ min: 0, max: 3 }), quantity: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant("release" as const), cart: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant("place" as const), cart: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant("dispatch" as const), order: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant("cancel" as const), order: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant("adjust" as const), lot: fc.integer({ min: 0, max: 5 }), change: fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0) }),
  fc.record({ kind: fc.constant("advance" as const), minutes: fc.constantFrom(5, 16, 60 * 24) }),
);

/**
 * The model: what must be true whatever the sequence. Units are conserved (on hand = received +
 * adjustments - dispatched); a hold succeeds exactly when the units asked for were available; the
 * database's own invariant checker passes after every step.
 */
describe.each(HOLD_PATHS)("stock model (property-based, %s)", (path) => {
  const holdPath = useHoldPath(path, stock);

  it(
    "random sequences of receive / hold / release / place / dispatch / cancel / adjust / clock-advance keep every invariant",
    async () => {
      const deps = () => holdPath.deps;
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 3, maxLength: 15 }), async (commands) => {
          // Time only moves forward: each run starts where the previous one stopped, on emptied stock tables.
          await clearStock(stock.db);
          const { product } = await productWithStock(deps(), stock.world, [], {});
          const carts = Array.from({ length: 4 }, () => ({ id: newCartId(), quantity: 0 }));
          const orders: { id: string; quantity: number; isMoved: boolean; isCancelled: boolean }[] = [];
          const lots: string[] = [];
          let expectedOnHand = 0;
          for (const c of commands) {
            if (c.kind === "receive") {
              const expiryDate = c.expiresInDays === null ? null : addDays(utcDay(clock.now()), c.expiresInDays);
              const r = await receiveLot(deps(), stock.world.admin, {
                productId: product.id,
                locationId: stock.world.shop.id,
                lotNumber: `P-${lots.length}`,
                expiryDate,
                unitCostCents: 10,
                quantity: c.quantity,
              });
              lots.push(r.lotId);
              expectedOnHand += c.quantity;
            } else if (c.kind === "hold") {
              const cart = carts[c.cart] as (typeof carts)[0];
              const [availableBefore, ownLive] = await Promise.all([
                availabilityOf(deps(), [product.id]),
                stock.db.hold.aggregate({ where: { cartId: cart.id, status: "HELD", expiresAt: { gt: clock.now() } }, _sum: { quantity: true } }),
              ]);
              const before = availableBefore.get(product.id) ?? 0;
              const canHold = before + (ownLive._sum.quantity ?? 0) >= c.quantity;
              const result = await reserveCart(deps(), { cartId: cart.id, lines: [{ productId: product.id, quantity: c.quantity }] }).then(
                () => true,
                (e: unknown) => {
                  expect((e as DomainError).code).toBe("CONFLICT");
                  return false;
                },
              );
              expect(result).toBe(canHold);
              if (result) cart.quantity = c.quantity;
            } else if (c.kind === "release") {
              await releaseCartHolds(deps(), { cartId: (carts[c.cart] as (typeof carts)[0]).id });
            } else if (c.kind === "place") {
              const cart = carts[c.cart] as (typeof carts)[0];
              if (cart.quantity === 0) continue;
              const placed = await placeOrder(deps(), { ...TEST_CHECKOUT, cartId: cart.id, lines: [{ productId: product.id, quantity: cart.quantity }] }).catch(
                (e: unknown) => {
                  expect((e as DomainError).code).toBe("CONFLICT");
                  return null;
                },
              );
              if (placed) for (const o of placed.orders) orders.push({ id: o.orderId, quantity: cart.quantity, isMoved: false, isCancelled: false });
              cart.id = newCartId();
              cart.quantity = 0;
            } else if (c.kind === "dispatch" || c.kind === "cancel") {
              const order = orders[c.order];
              if (!order || order.isCancelled || order.isMoved) continue;
              await setOrderStatus(deps(), stock.world.admin, { orderId: order.id, status: "CONFIRMED" });
              const ok = await setOrderStatus(deps(), stock.world.admin, {
                orderId: order.id,
                status: c.kind === "dispatch" ? "DISPATCHED" : "CANCELLED",
              }).then(
                () => true,
                (e: unknown) => {
                  // Only a lot that expired with nothing to replace it may stop a dispatch.
                  expect((e as DomainError).userMessage).toMatch(/expired on .* not enough other stock/);
                  return false;
                },
              );
              if (ok && c.kind === "dispatch") {
                order.isMoved = true;
                expectedOnHand -= order.quantity;
              }
              if (ok && c.kind === "cancel") order.isCancelled = true;
            } else if (c.kind === "adjust") {
              const lotId = lots[c.lot];
              if (!lotId) continue;
              const done = await adjustLot(deps(), stock.world.admin, { lotId, change: c.change, reason: "property test" }).then(
                () => true,
                (e: unknown) => {
                  expect((e as DomainError).code).toBe("CONFLICT");
                  return false;
                },
              );
              if (done) expectedOnHand += c.change;
            } else {
              clock.advance(c.minutes * 60_000);
            }
            // The three checks read the same committed state, so they run at once.
            const [totals, available] = await Promise.all([
              stock.db.lot.aggregate({ where: { productId: product.id }, _sum: { onHand: true } }),
              availabilityOf(deps(), [product.id]),
              expectValidInventory(stock.db, clock.now()),
            ]);
            expect(totals._sum.onHand ?? 0).toBe(expectedOnHand);
            expect(available.get(product.id)).toBeGreaterThanOrEqual(0);
          }
        }),
        { numRuns: RUNS, seed: 20261121, endOnFailure: true },
      );
    },
    Math.max(180_000, RUNS * 1_000),
  );
});
