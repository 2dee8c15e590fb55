import { addDays, availabilityOf, type Deps, placeOrder, receiveLot, reserveCart, type StaffActor, setOrderStatus, utcDay } from "@stockroom/domain";
import { DEMO_CUSTOMERS, demoCheckout } from "./demo-catalog.ts";
import { startCountInProgress } from "./seed-counts.ts";
import { typicalShelfLifeDays } from "./shop-profile.ts";
import { simulateHistory } from "./simulate-history.ts";

/** Days of history the demo simulates before today. */
export const DEMO_HISTORY_DAYS = 90;

/**
 * Each producer's stock and orders: 90 simulated days of trading (simulate-history.ts), then a few
 * things every page should show on first start: short-dated lots in each expiry band, one expired
 * lot awaiting write-off, and the products a supplier stopped delivering bought up by a wholesale
 * customer, so some are out of stock; then a count of one category at the shop, half done. Runs only for producers that have no lots yet, so the seed
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
      const shop = producer.locations.find((l) => l.isSellable);
      const category = producer.products.filter((p) => p.trackInventory).at(-1)?.category;
      if (shop && category) await startCountInProgress(deps, admin, producer.id, shop.id, category);
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
  // This morning's deliveries: whatever ran below its minimum is topped up (fresh food expires
  // within days, so a shop restocks it daily), except the products kept short below.
  const kept = new Set(tracked.filter((_, index) => index % 8 === 1 || index % 8 === 3).map((p) => p.id));
  const before = await availabilityOf(
    deps,
    tracked.map((p) => p.id),
  );
  for (const product of tracked) {
    const now = before.get(product.id) ?? 0;
    if (kept.has(product.id) || now >= product.minStockLevel) continue;
    const shelfLife = typicalShelfLifeDays(product.category);
    await receive(product, today.replaceAll("-", ""), product.minStockLevel * 2 - now, shelfLife === null ? null : addDays(today, shelfLife));
  }
  // Short-dated stock bought at a discount: one lot in each expiry band.
  for (const [index, offset] of [5, 21, 60].entries()) {
    const product = tracked[index * 2];
    if (product) await receive(product, `SD${offset}`, 6 + index * 4, addDays(today, offset));
  }
  // Reserve stock in the back store (not sellable), and one lot that expired three days ago.
  // Received three weeks ago while still good; it expired three days ago and awaits its write-off.
  const first = tracked[0];
  const threeWeeksAgo = { ...deps, clock: { now: () => new Date(`${addDays(today, -21)}T08:00:00Z`) } };
  if (first)
    await receiveLot(threeWeeksAgo, admin, {
      productId: first.id,
      locationId: shop.id,
      lotNumber: `${first.sku}-OLD`,
      expiryDate: addDays(today, -3),
      quantity: 6,
    });
  const stocked = tracked[2];
  if (stocked && backStore) await receive(stocked, "BS", 40, addDays(today, 300), backStore.id);
  // A wholesale customer takes what is left of the products whose reorders stopped (one in eight:
  // out of stock), and of the under-ordered ones down to half their minimum (low stock).
  const stopped = tracked.filter((_, index) => index % 8 === 1);
  const underOrdered = tracked.filter((_, index) => index % 8 === 3);
  const available = await availabilityOf(
    deps,
    [...stopped, ...underOrdered].map((p) => p.id),
  );
  const left = (p: (typeof tracked)[number]) => available.get(p.id) ?? 0;
  const lines = [
    ...stopped.map((p) => ({ productId: p.id, quantity: left(p) })),
    ...underOrdered.map((p) => ({ productId: p.id, quantity: left(p) - Math.max(1, Math.floor(p.minStockLevel / 2)) })),
  ].filter((l) => l.quantity > 0);
  if (lines.length === 0) return;
  const cartId = `demo-${producer.slug}-wholesale`;
  await reserveCart(deps, { cartId, lines });
  const { orders } = await placeOrder(deps, { cartId, lines, ...demoCheckout(DEMO_CUSTOMERS[1]) });
  for (const order of orders) await setOrderStatus(deps, admin, { orderId: order.orderId, status: "CONFIRMED" });
}
