import {
  addDays,
  availabilityOf,
  type Deps,
  MetricCounters,
  placeOrder,
  receiveLot,
  reserveCart,
  type StaffActor,
  setOrderStatus,
  sweepLowStock,
  utcDay,
  writeOffLot,
} from "@stockroom/domain";
import { DEMO_CUSTOMERS, demoCheckout } from "./demo-catalog.ts";
import { countAndApprove, DEMO_COUNT_DAYS } from "./seed-counts.ts";
import { type ProductProfile, profileFor, randomSource } from "./shop-profile.ts";

type Status = "CONFIRMED" | "DISPATCHED" | "DELIVERED" | "CANCELLED";

export interface SimulatedProducer {
  id: string;
  slug: string;
  locations: { id: string; isSellable: boolean; isCollectionPoint: boolean }[];
  products: { id: string; sku: string; category: string; unitCostCents: number; minStockLevel: number; trackInventory: boolean }[];
}

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

/**
 * `days` of a small shop's life before today, through the domain functions with a clock that
 * walks forward: deliveries (reordered when stock reaches the minimum, after the lead time),
 * daily orders that are confirmed, dispatched, delivered or cancelled over the next days,
 * expired stock written off, a cycle count of the shop now and then (DEMO_COUNT_DAYS), a daily low-stock sweep (alerts open, escalate, resolve, notify).
 * Deterministic (seeded by the producer's slug). Orders of the last day are left in flight.
 */
export async function simulateHistory(deps: Deps, admin: StaffActor, producer: SimulatedProducer, days: number): Promise<void> {
  const random = randomSource(producer.slug);
  const today = utcDay(deps.clock.now());
  let now = at(addDays(today, -days), 7);
  // The past is not mailed: its shoppers are made up, and a new demo's outbox starts with real orders' emails.
  // The shoppers' holds are counted on the simulated day (reservationSuccessRate), added at the end.
  const counters = new MetricCounters(deps.db, () => now);
  const sim: Deps = { ...deps, clock: { now: () => now }, holdCoalescer: undefined, isMailingCustomers: false, counters };
  const shop = producer.locations.find((l) => l.isSellable);
  if (!shop) return;
  const collectionPoint = producer.locations.find((l) => l.isCollectionPoint);
  const tracked = producer.products.filter((p) => p.trackInventory).map((p, index) => ({ ...p, profile: profileFor(p, index, random) }));
  const deliveries = new Map<string, { day: string; quantity: number }>(tracked.map((p) => [p.id, { day: addDays(today, -days), quantity: opening(p) }]));
  const transitions: { time: Date; orderId: string; status: Status }[] = [];

  for (let d = days; d >= 1; d--) {
    const day = addDays(today, -d);
    now = at(day, 7);
    for (const product of tracked) {
      const due = deliveries.get(product.id);
      if (due?.day !== day) continue;
      deliveries.delete(product.id);
      const { shelfLifeDays } = product.profile;
      await receiveLot(sim, admin, {
        productId: product.id,
        locationId: shop.id,
        lotNumber: `${product.sku}-${day.replaceAll("-", "")}`,
        expiryDate: shelfLifeDays === null ? null : addDays(day, shelfLifeDays),
        quantity: due.quantity,
      });
    }
    // Fresh food is checked daily, the rest weekly; the last days' expired lots still wait for it.
    now = at(day, 8);
    await writeOffExpired(sim, admin, producer.id, day, { freshOnly: d % 7 !== 0, skip: d <= 2 });

    const orders = 1 + Math.floor(random() * 4);
    for (let i = 0; i < orders; i++) {
      now = at(day, 9 + i);
      const placed = await placeRandomOrder(sim, tracked, random, `demo-${producer.slug}-${day}-${i}`, collectionPoint?.id);
      if (!placed) continue;
      const roll = random();
      if (roll < 0.06) transitions.push({ time: at(addDays(day, 1), 10), orderId: placed, status: "CANCELLED" });
      else {
        // Some of the last day's orders are still waiting for the shop to confirm them.
        const confirmDay = d === 1 && roll < 0.4 ? addDays(day, 1) : day;
        transitions.push({ time: at(confirmDay, 16), orderId: placed, status: "CONFIRMED" });
        transitions.push({ time: at(addDays(confirmDay, 1), 11), orderId: placed, status: "DISPATCHED" });
        transitions.push({ time: at(addDays(confirmDay, 3), 12), orderId: placed, status: "DELIVERED" });
      }
    }
    now = at(day, 17);
    await runDue(sim, admin, transitions, now);
    now = at(day, 18);
    if (DEMO_COUNT_DAYS.includes(d)) await countAndApprove(sim, admin, producer.id, shop.id, d);
    now = at(day, 19);
    await sweepLowStock(sim);
    await reorder(sim, tracked, deliveries, day, d);
  }
  await counters.flush();
}

function opening(p: { minStockLevel: number; profile: ProductProfile }): number {
  return p.minStockLevel * 2 + Math.ceil(p.profile.demand * 20);
}

async function placeRandomOrder(
  sim: Deps,
  tracked: { id: string; profile: ProductProfile }[],
  random: () => number,
  cartId: string,
  collectionPointId: string | undefined,
): Promise<string | null> {
  const total = tracked.reduce((sum, p) => sum + p.profile.demand, 0);
  // A product with probability proportional to its demand.
  const pick = () => {
    let r = random() * total;
    for (const product of tracked) {
      r -= product.profile.demand;
      if (r < 0) return product;
    }
    return tracked[0];
  };
  const chosen = new Set([pick(), ...(random() < 0.4 ? [pick()] : [])].filter((p) => p !== undefined));
  const lines = [...chosen].map((p) => ({ productId: p.id, quantity: 1 + Math.floor(random() * 2.5) }));
  const customer = DEMO_CUSTOMERS[Math.floor(random() * DEMO_CUSTOMERS.length)] ?? DEMO_CUSTOMERS[0];
  // About a third of the shop's customers collect their order.
  const collect = collectionPointId && random() < 0.3 ? [collectionPointId] : undefined;
  try {
    await reserveCart(sim, { cartId, lines });
    const { orders } = await placeOrder(sim, { cartId, lines, ...demoCheckout(customer, collect) });
    return orders[0]?.orderId ?? null;
  } catch {
    return null; // not enough stock: the shopper goes away
  }
}

async function runDue(sim: Deps, admin: StaffActor, transitions: { time: Date; orderId: string; status: Status }[], now: Date): Promise<void> {
  transitions.sort((a, b) => a.time.getTime() - b.time.getTime());
  while (transitions[0] && transitions[0].time <= now) {
    const next = transitions.shift();
    if (!next) break;
    try {
      await setOrderStatus(sim, admin, { orderId: next.orderId, status: next.status });
    } catch {
      // Its lot expired before dispatch and nothing can replace it: the shop cancels the order.
      await setOrderStatus(sim, admin, { orderId: next.orderId, status: "CANCELLED" });
      for (let i = transitions.length - 1; i >= 0; i--) if (transitions[i]?.orderId === next.orderId) transitions.splice(i, 1);
    }
  }
}

async function writeOffExpired(sim: Deps, admin: StaffActor, producerId: string, day: string, options: { freshOnly: boolean; skip: boolean }): Promise<void> {
  if (options.skip) return;
  const lots = await sim.db.lot.findMany({ where: { producerId, expiryDate: { lte: new Date(`${day}T00:00:00Z`) }, onHand: { gt: 0 } } });
  for (const lot of lots) {
    const free = lot.onHand - lot.reserved;
    const isFresh = lot.expiryDate !== null && lot.expiryDate.getTime() - lot.receivedAt.getTime() < 30 * 86_400_000;
    if (free > 0 && (isFresh || !options.freshOnly)) await writeOffLot(sim, admin, { lotId: lot.id, quantity: free, reason: "EXPIRED" });
  }
}

async function reorder(
  sim: Deps,
  tracked: { id: string; minStockLevel: number; profile: ProductProfile }[],
  deliveries: Map<string, { day: string; quantity: number }>,
  day: string,
  d: number,
) {
  const available = await availabilityOf(
    sim,
    tracked.map((p) => p.id),
  );
  for (const product of tracked) {
    const { profile } = product;
    if (deliveries.has(product.id) || (available.get(product.id) ?? 0) > product.minStockLevel) continue;
    if (profile.reorderStopsDaysAgo !== null && d <= profile.reorderStopsDaysAgo) continue;
    const quantity = profile.isUnderOrdered ? Math.ceil(product.minStockLevel / 2) : product.minStockLevel + Math.ceil(profile.demand * 21);
    deliveries.set(product.id, { day: addDays(day, profile.leadTimeDays), quantity });
  }
}
