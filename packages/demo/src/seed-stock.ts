import { addDays, availabilityOf, type Deps, placeOrder, receiveLot, reserveCart, type StaffActor, setOrderStatus, utcDay } from "@stockroom/domain";
import { simulateHistory } from "./simulate-history.ts";

/** Days of history the demo simulates before today. */
export const DEMO_HISTORY_DAYS = 90;

/**
 * Each producer's stock and orders: 90 simulated days of trading (simulate-history.ts), then a few
 * things every page should show on first start: short-dated lots in each expiry band, one expired
 * lot awaiting write-off, and the products a supplier stopped delivering bought up by a wholesale
 * customer, so some are out of stock. Runs only for producers that have no lots yet, so the seed
 * stays idempotent. Everything goes through the domain functions: the ledger explains every unit.
 */
export async function seedDemoStock(deps: Deps, admin: StaffActor): Promise<void> {
  const producers = await deps.db.producer.findMany({ include: { locations: true, products: { orderBy: { sku: "asc" } } }, orderBy: { slug: "asc" } });
  // Producers trade independently: simulate them side by side.
  await Promise.all(
    producers.map(async (producer) => {
      if ((await deps.db.lot.count({ where: { producerId: producer.id } })) > 0) return;
      await simulateHistory(deps, admin, producer, DEMO_HISTORY_DAYS);
      await shapeToday(deps, admin, producer);
    }),
  );
}

type Producer = Parameters<typeof simulateHistory>[2];

async function shapeToday(deps: Deps, admin: StaffActor, producer: Producer): Promise<void> {
  const today = utcDay(deps.clock.now());
  const shop = producer.locations.find((l) => l.isSellable);
  const backStore = producer.locations.find((l) => !l.isSellable);
  const tracked = producer.products.filter((p) => p.trackInventory);
  if (!shop) return;
  const receive = (product: (typeof tracked)[number], suffix: string, quantity: number, expiryDate: string | null, locationId = shop.id) =>
    receiveLot(deps, admin, { productId: product.id, locationId, lotNumber: `${product.sku}-${suffix}`, expiryDate, quantity });
  // Short-dated stock bought at a discount: one lot in each expiry band.
  for (const [index, offset] of [5, 21, 60].entries()) {
    const product = tracked[index * 2];
    if (product) await receive(product, `SD${offset}`, 6 + index * 4, addDays(today, offset));
  }
  // Reserve stock in the back store (not sellable), and one lot that expired three days ago.
  const first = tracked[0];
  if (first) await receive(first, "OLD", 6, addDays(today, -3));
  const stocked = tracked[2];
  if (stocked && backStore) await receive(stocked, "BS", 40, addDays(today, 300), backStore.id);
  // The products whose reorders stopped (one in eight): a wholesale customer takes what is left.
  const stopped = tracked.filter((_, index) => index % 8 === 1);
  const available = await availabilityOf(
    deps,
    stopped.map((p) => p.id),
  );
  const lines = stopped.map((p) => ({ productId: p.id, quantity: available.get(p.id) ?? 0 })).filter((l) => l.quantity > 0);
  if (lines.length === 0) return;
  const cartId = `demo-${producer.slug}-wholesale`;
  await reserveCart(deps, { cartId, lines });
  const { orders } = await placeOrder(deps, { cartId, lines, customerEmail: "wes@example.test" });
  for (const order of orders) await setOrderStatus(deps, admin, { orderId: order.orderId, status: "CONFIRMED" });
}
