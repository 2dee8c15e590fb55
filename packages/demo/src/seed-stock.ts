import { randomBytes } from "node:crypto";
import { addDays, type Deps, placeOrder, receiveLot, reserveCart, type StaffActor, setOrderStatus, utcDay } from "@stockroom/domain";
import { DEMO_CUSTOMERS } from "./demo-catalog.ts";

// Expiry offsets in days, cycled over products: inside the 7, 30 and 90 day bands, later, none.
const EXPIRY_OFFSETS = [5, 21, 60, 180, null, 400];

/**
 * Lots (every expiry band, one expired lot per producer, some products below their minimum or
 * out of stock) and orders in every status. Runs only for producers that have no lots yet, so the
 * seed stays idempotent. Goes through the domain functions, so the ledger explains every unit.
 */
export async function seedDemoStock(deps: Deps, admin: StaffActor): Promise<void> {
  const today = utcDay(deps.clock.now());
  const producers = await deps.db.producer.findMany({ include: { locations: true, products: { orderBy: { sku: "asc" } } }, orderBy: { slug: "asc" } });
  for (const producer of producers) {
    if ((await deps.db.lot.count({ where: { producerId: producer.id } })) > 0) continue;
    const sellable = producer.locations.find((l) => l.isSellable);
    const backStore = producer.locations.find((l) => !l.isSellable);
    if (!sellable) continue;
    const tracked = producer.products.filter((p) => p.trackInventory);
    for (const [index, product] of tracked.entries()) {
      const receive = (lotNumber: string, quantity: number, expiryDate: string | null, locationId = sellable.id) =>
        receiveLot(deps, admin, { productId: product.id, locationId, lotNumber, expiryDate, unitCostCents: product.unitCostCents, quantity });
      if (index % 8 === 1) continue; // out of stock
      if (index % 8 === 3) {
        await receive(`${product.sku}-L1`, Math.max(1, product.minStockLevel - 4), addDays(today, 45)); // below minimum
        continue;
      }
      const offset = EXPIRY_OFFSETS[index % EXPIRY_OFFSETS.length] ?? null;
      await receive(`${product.sku}-L1`, 12 + (index % 5) * 6, offset === null ? null : addDays(today, offset));
      await receive(`${product.sku}-L2`, 30 + (index % 3) * 10, addDays(today, 240));
      if (index === 0) await receive(`${product.sku}-OLD`, 6, addDays(today, -3)); // already expired, awaiting write-off
      if (index % 4 === 2 && backStore) await receive(`${product.sku}-BS`, 40, addDays(today, 300), backStore.id);
    }
    await seedOrders(
      deps,
      admin,
      tracked
        .filter((_, i) => i % 8 !== 1 && i % 8 !== 3)
        .slice(0, 5)
        .map((p) => p.id),
    );
  }
}

async function seedOrders(deps: Deps, admin: StaffActor, productIds: string[]): Promise<void> {
  const journeys: ("PENDING" | "CONFIRMED" | "DISPATCHED" | "DELIVERED" | "CANCELLED")[][] = [
    [],
    ["CONFIRMED"],
    ["CONFIRMED", "DISPATCHED"],
    ["CONFIRMED", "DISPATCHED", "DELIVERED"],
    ["CANCELLED"],
  ];
  for (const [index, journey] of journeys.entries()) {
    const productId = productIds[index % productIds.length];
    if (!productId) return;
    const cartId = randomBytes(16).toString("base64url");
    const lines = [{ productId, quantity: 1 + (index % 3) }];
    const customer = DEMO_CUSTOMERS[index % DEMO_CUSTOMERS.length];
    await reserveCart(deps, { cartId, lines });
    const { orders } = await placeOrder(deps, { cartId, lines, customerEmail: customer?.email });
    for (const order of orders) {
      for (const status of journey) await setOrderStatus(deps, admin, { orderId: order.orderId, status });
    }
  }
}
