import { CUSTOMER_ORDERS_PAGE_SIZE, customerOrdersInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";
import type { CustomerIdentity } from "./customer-sessions.ts";

/** A signed-in customer's orders: every order placed with their email, newest first, a page at a time. */
export async function listCustomerOrders(deps: Deps, customer: CustomerIdentity, input: z.input<typeof customerOrdersInput>) {
  const { page } = parseInput(customerOrdersInput, input);
  const rows = await deps.db.order.findMany({
    where: { customerEmail: customer.email },
    orderBy: [{ createdAt: "desc" }, { number: "desc" }],
    skip: (page - 1) * CUSTOMER_ORDERS_PAGE_SIZE,
    // One more than a page tells whether there is a next one.
    take: CUSTOMER_ORDERS_PAGE_SIZE + 1,
    select: {
      id: true,
      reference: true,
      status: true,
      createdAt: true,
      fulfilment: true,
      producer: { select: { name: true } },
      lines: { select: { quantity: true, unitPriceCents: true } },
    },
  });
  return {
    page,
    hasMore: rows.length > CUSTOMER_ORDERS_PAGE_SIZE,
    orders: rows.slice(0, CUSTOMER_ORDERS_PAGE_SIZE).map((o) => ({
      id: o.id,
      reference: o.reference,
      status: o.status,
      createdAt: o.createdAt.toISOString(),
      fulfilment: o.fulfilment,
      producerName: o.producer.name,
      itemCount: o.lines.reduce((sum, l) => sum + l.quantity, 0),
      totalCents: o.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0),
    })),
  };
}
