import { placeOrderInput } from "@stockroom/contracts";
import type { Tx } from "@stockroom/db";
import type { z } from "zod";
import { sendLowStockChecks } from "../alerts/check-low-stock.ts";
import { enqueueNewOrderAlerts } from "../alerts/new-order-alert.ts";
import type { Deps } from "../deps.ts";
import { cartMaxPerProduct, checkCartUnits } from "../stock/cart-limits.ts";
import { onceForKey } from "../stock/idempotency.ts";
import { holdCartInTransaction, holdEndsAt, withReserveErrors } from "../stock/reserve-cart.ts";
import { sqlTimestamp } from "../stock/sql-time.ts";
import { stockTransaction } from "../stock/transaction-options.ts";
import { parseInput } from "../validation.ts";
import { orderContactColumns, upsertCustomer } from "./checkout-details.ts";
import { queueCustomerOrderEmail } from "./customer-emails.ts";
import { recordOrderEvent } from "./order-events.ts";

export interface PlacedOrder {
  orderId: string;
  number: number;
  /** The producer's own order reference, e.g. GL-1001. */
  reference: string;
  status: "PENDING";
  producerId: string;
  producerName: string;
}

/**
 * Turns the cart's holds into PENDING orders, one per producer. In the same transaction the cart is
 * held again first (live holds are only refreshed; lapsed ones are re-held if the stock is still
 * there, else CONFLICT naming the short lines), then the holds are CONSUMED and their lot
 * allocations move to the order lines; the units stay reserved until dispatch or cancel.
 */
export async function placeOrder(
  deps: Deps,
  input: z.input<typeof placeOrderInput> & { cartId: string; channel?: "STOREFRONT" | "API" },
): Promise<{ orders: PlacedOrder[] }> {
  const { lines, idempotencyKey, customer, fulfilment } = parseInput(placeOrderInput, input);
  checkCartUnits(deps, lines);
  const now = deps.clock.now();
  return withReserveErrors(lines, () =>
    stockTransaction(deps, (tx) =>
      onceForKey(tx, { action: "orders.place", tenant: input.cartId }, idempotencyKey, { lines, customer, fulfilment }, async () => {
        const { holds: held, lowCheck } = await holdCartInTransaction(tx, input.cartId, lines, now, holdEndsAt(deps, now), cartMaxPerProduct(deps));
        // Re-holding a lapsed hold takes stock again: the same low-stock signal as any hold.
        await sendLowStockChecks(deps.jobs, { tx }, lowCheck);
        const holds = await tx.hold.findMany({
          where: { id: { in: held.map((h) => h.holdId) } },
          include: { product: { select: { producerId: true, priceCents: true } }, allocations: true },
          orderBy: { productId: "asc" },
        });
        const byProducer = Map.groupBy(holds, (h) => h.product.producerId);
        const contacts = await orderContactColumns(tx, customer, fulfilment, [...byProducer.keys()]);
        const customerId = await upsertCustomer(tx, customer);
        const orders: PlacedOrder[] = [];
        for (const [producerId, producerHolds] of [...byProducer].sort(([a], [b]) => a.localeCompare(b))) {
          const { producerNumber, reference, producerName } = await nextOrderNumber(tx, producerId);
          const order = await tx.order.create({
            data: {
              producerId,
              producerNumber,
              reference,
              cartId: input.cartId,
              customerId,
              ...contacts.get(producerId),
              createdAt: now,
              updatedAt: now,
              lines: {
                create: producerHolds.map((h) => ({
                  productId: h.productId,
                  producerId,
                  quantity: h.quantity,
                  unitPriceCents: h.product.priceCents,
                  allocations: { create: h.allocations.map((a) => ({ lotId: a.lotId, quantity: a.quantity })) },
                })),
              },
            },
          });
          await tx.$executeRaw`
          UPDATE "Hold" SET status = 'CONSUMED', "orderId" = ${order.id}::uuid, "statusReason" = ${`order ${order.number} placed`},
                 "updatedAt" = ${sqlTimestamp(now)}::timestamp
          WHERE id = ANY(${producerHolds.map((h) => h.id)}::uuid[]) AND status = 'HELD'`;
          await recordOrderEvent(tx, {
            orderId: order.id,
            kind: "PLACED",
            toStatus: "PENDING",
            actor: "customer",
            actorName: customer.name,
            channel: input.channel ?? "STOREFRONT",
            at: now,
          });
          await queueCustomerOrderEmail(deps, tx, { orderId: order.id, event: "PLACED" });
          orders.push({ orderId: order.id, number: order.number, reference, status: "PENDING", producerId, producerName });
        }
        await enqueueNewOrderAlerts(
          deps,
          tx,
          orders.map((o) => o.orderId),
        );
        return { orders };
      }),
    ),
  );
}

/**
 * The producer's next order number and its reference (GL-1001): one UPDATE ... RETURNING on the
 * producer row, so concurrent orders of one producer queue on that row and take consecutive
 * numbers, and a transaction that rolls back gives its number back (no gaps). Carts with several
 * producers take their rows in id order (the loop above), so two such carts cannot deadlock.
 */
async function nextOrderNumber(tx: Tx, producerId: string): Promise<{ producerNumber: number; reference: string; producerName: string }> {
  const [row] = await tx.$queryRaw<{ n: number; prefix: string; name: string }[]>`
    UPDATE "Producer" SET "lastOrderNumber" = "lastOrderNumber" + 1 WHERE id = ${producerId}::uuid
    RETURNING "lastOrderNumber" AS n, COALESCE("orderPrefix", upper(left(regexp_replace(slug, '[^a-zA-Z0-9]', '', 'g'), 2))) AS prefix, name`;
  if (!row) throw new Error(`producer ${producerId} vanished while its order was placed`);
  return { producerNumber: row.n, reference: `${row.prefix}-${row.n}`, producerName: row.name };
}
