import type { CustomerContact, Fulfilment } from "@stockroom/contracts";
import type { Tx } from "@stockroom/db";
import { DomainError } from "../errors.ts";

/** The Order columns a checkout fills for one producer's order. */
export interface OrderContactColumns {
  customerName: string;
  customerEmail: string;
  customerPhone: string;
  fulfilment: "DELIVERY" | "COLLECTION";
  deliveryLine1: string | null;
  deliveryLine2: string | null;
  deliveryCity: string | null;
  deliveryPostcode: string | null;
  deliveryCountry: string | null;
  collectionLocationId: string | null;
}

/**
 * Turns the checkout's contact and fulfilment into each producer's order columns. Collection needs,
 * for every producer in the cart, one of the given locations that is that producer's active
 * collection point; otherwise VALIDATION_FAILED on `fulfilment.locationIds` naming the producer.
 */
export async function orderContactColumns(
  tx: Tx,
  customer: CustomerContact,
  fulfilment: Fulfilment,
  producerIds: string[],
): Promise<Map<string, OrderContactColumns>> {
  const contact = { customerName: customer.name, customerEmail: customer.email, customerPhone: customer.phone, fulfilment: fulfilment.method };
  const columns = new Map<string, OrderContactColumns>();
  if (fulfilment.method === "DELIVERY") {
    const { line1, line2, city, postcode, country } = fulfilment.address;
    const delivery = { deliveryLine1: line1, deliveryLine2: line2 || null, deliveryCity: city, deliveryPostcode: postcode, deliveryCountry: country };
    for (const producerId of producerIds) columns.set(producerId, { ...contact, ...delivery, collectionLocationId: null });
    return columns;
  }
  const points = await tx.location.findMany({
    where: { id: { in: fulfilment.locationIds }, isCollectionPoint: true, archivedAt: null },
    select: { id: true, producerId: true },
  });
  const noDelivery = { deliveryLine1: null, deliveryLine2: null, deliveryCity: null, deliveryPostcode: null, deliveryCountry: null };
  const missing: string[] = [];
  for (const producerId of producerIds) {
    const mine = points.filter((p) => p.producerId === producerId);
    if (mine.length !== 1) missing.push(producerId);
    else columns.set(producerId, { ...contact, ...noDelivery, collectionLocationId: mine[0]?.id ?? null });
  }
  if (missing.length > 0) {
    const names = await tx.producer.findMany({ where: { id: { in: missing } }, select: { name: true }, orderBy: { name: "asc" } });
    const message = `Choose one collection point for ${names.map((n) => n.name).join(", ")}.`;
    throw new DomainError("VALIDATION_FAILED", message, { fields: { "fulfilment.locationIds": message }, details: { producerIds: missing } });
  }
  return columns;
}

/**
 * The customer record for an email, created on its first order. An existing record keeps its name:
 * a checkout proves nothing about who owns an email, so it cannot rename anybody.
 */
export async function upsertCustomer(tx: Tx, customer: CustomerContact): Promise<string> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Customer" (id, email, name) VALUES (gen_random_uuid(), ${customer.email}, ${customer.name})
    ON CONFLICT (email) DO UPDATE SET email = "Customer".email
    RETURNING id`;
  if (!row) throw new Error("customer upsert returned no row");
  return row.id;
}
