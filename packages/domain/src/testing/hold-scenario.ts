import type { Db } from "@stockroom/db";
import fc from "fast-check";
import type { Deps } from "../deps.ts";
import { receiveLot } from "../stock/receive-lot.ts";
import { addDays } from "../stock/sql-time.ts";
import { createProduct } from "./factories.ts";
import type { createStockWorld } from "./stock-fixtures.ts";
import { newCartId } from "./stock-fixtures.ts";
import type { ManualClock } from "./test-deps.ts";

/**
 * Random hold scenarios for comparing the hold paths: products with several lots (expiry none,
 * today, soon; sellable or not; received in random order), holds made before, and a basket list.
 * Everything is by index, so one scenario builds identical worlds and their results compare.
 */
export interface LotSpec {
  quantity: number;
  /** Days after today; 0 = expires today (never sellable), null = no expiry. */
  expiresInDays: number | null;
  isSellable: boolean;
  /** Lots are received in rank order (ties: product, then lot order), one second apart. */
  receivedRank: number;
}
export interface Basket {
  cart: number;
  /** product = PRODUCT_COUNT stands for a product that does not exist. */
  lines: { product: number; quantity: number }[];
  ttlSeconds: number;
}
export interface HoldScenario {
  products: { isTracked: boolean; lots: LotSpec[] }[];
  before: Basket[];
  batch: Basket[];
}

const PRODUCT_COUNT = 4;
const CART_COUNT = 6;
export const UNKNOWN_PRODUCT_ID = "00000000-0000-4000-8000-0000000000ff";

const lotSpec: fc.Arbitrary<LotSpec> = fc.record({
  quantity: fc.integer({ min: 1, max: 8 }),
  expiresInDays: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 4 }),
  isSellable: fc.constantFrom(true, true, true, false),
  receivedRank: fc.integer({ min: 0, max: 20 }),
});
const basket = (ttls: number[], maxLines: number): fc.Arbitrary<Basket> =>
  fc.record({
    cart: fc.integer({ min: 0, max: CART_COUNT - 1 }),
    lines: fc.uniqueArray(
      fc.record({
        product: fc.oneof({ weight: 15, arbitrary: fc.integer({ min: 0, max: PRODUCT_COUNT - 1 }) }, { weight: 1, arbitrary: fc.constant(PRODUCT_COUNT) }),
        quantity: fc.integer({ min: 1, max: 5 }),
      }),
      { minLength: 1, maxLength: maxLines, selector: (line) => line.product },
    ),
    ttlSeconds: fc.constantFrom(...ttls),
  });

export const holdScenario: fc.Arbitrary<HoldScenario> = fc.record({
  products: fc.array(
    fc.record({
      isTracked: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      lots: fc.array(lotSpec, { minLength: 1, maxLength: 4 }),
    }),
    { minLength: PRODUCT_COUNT, maxLength: PRODUCT_COUNT },
  ),
  // Holds made before the batch: 60 s ones have lapsed when it runs (not yet ended), 900 s ones are live.
  before: fc.array(basket([60, 900, 900], 2), { maxLength: 6 }),
  batch: fc.array(basket([900, 3_600, 2 * 86_400], 3), { minLength: 1, maxLength: 12 }),
});

export type StockWorld = Awaited<ReturnType<typeof createStockWorld>>;
/** One built world: ids by index, and the reverse maps for comparing results by index. */
export interface BuiltScenario {
  productIds: string[];
  cartIds: string[];
  lotName: Map<string, string>;
  productIndex: Map<string, number>;
  cartIndex: Map<string, number>;
}

/** Products and lots of a scenario, received one second apart from `receivedFrom` (the clock is moved); expiry counts from `today`. */
export async function buildScenario(
  deps: Deps,
  world: StockWorld,
  clock: ManualClock,
  scenario: HoldScenario,
  at: { today: string; receivedFrom: Date },
): Promise<BuiltScenario> {
  const productIds: string[] = [];
  for (const spec of scenario.products) productIds.push((await createProduct(deps.db, world.producer.id, { trackInventory: spec.isTracked })).id);
  const lots = scenario.products.flatMap((spec, p) => spec.lots.map((lot, l) => ({ ...lot, p, l })));
  lots.sort((a, b) => a.receivedRank - b.receivedRank || a.p - b.p || a.l - b.l);
  const lotName = new Map<string, string>();
  for (const [order, lot] of lots.entries()) {
    clock.set(new Date(at.receivedFrom.getTime() + order * 1_000));
    const { lotId } = await receiveLot(deps, world.admin, {
      productId: productIds[lot.p] as string,
      locationId: lot.isSellable ? world.shop.id : world.backStore.id,
      lotNumber: `L${lot.l}`,
      expiryDate: lot.expiresInDays === null ? null : addDays(at.today, lot.expiresInDays),
      unitCostCents: 100,
      quantity: lot.quantity,
    });
    lotName.set(lotId, `${lot.p}.${lot.l}`);
  }
  const cartIds = Array.from({ length: CART_COUNT }, newCartId);
  return {
    productIds,
    cartIds,
    lotName,
    productIndex: new Map(productIds.map((id, i) => [id, i])),
    cartIndex: new Map(cartIds.map((id, i) => [id, i])),
  };
}

/** A basket as reserveCart input in one world. */
export function basketInput(built: BuiltScenario, b: Basket) {
  return {
    cartId: built.cartIds[b.cart] as string,
    lines: b.lines.map((line) => ({ productId: built.productIds[line.product] ?? UNKNOWN_PRODUCT_ID, quantity: line.quantity })),
    ttlSeconds: b.ttlSeconds,
  };
}

/**
 * Every hold of the world's products and every lot's live reservation, by index, in a stable order.
 * A lapsed hold (expiresAt <= now) shows as LAPSED whether or not something has ended it yet: it
 * blocks nothing either way, and the paths differ in when they end one (a batch commits its sweep of
 * lapsed holds even if every cart in it is refused; a refused direct hold rolls its sweep back).
 */
export async function holdState(db: Db, built: BuiltScenario, now: Date) {
  const holds = await db.hold.findMany({ where: { productId: { in: built.productIds } }, include: { allocations: true } });
  const lots = await db.lot.findMany({ where: { productId: { in: built.productIds } } });
  const isLapsed = (h: (typeof holds)[0]) => h.expiresAt <= now && (h.status === "HELD" || h.status === "EXPIRED");
  const lapsedReserved = new Map<string, number>();
  for (const h of holds.filter((x) => x.status === "HELD" && isLapsed(x))) {
    for (const a of h.allocations) lapsedReserved.set(a.lotId, (lapsedReserved.get(a.lotId) ?? 0) + a.quantity);
  }
  return {
    holds: holds
      .map((h) => ({
        cart: built.cartIndex.get(h.cartId),
        product: built.productIndex.get(h.productId),
        quantity: h.quantity,
        status: isLapsed(h) ? "LAPSED" : h.status,
        statusReason: isLapsed(h) ? null : h.statusReason,
        expiresAt: h.expiresAt.toISOString(),
        lots: Object.fromEntries(h.allocations.map((a) => [built.lotName.get(a.lotId), a.quantity]).sort()),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    lots: Object.fromEntries(
      lots.map((l) => [built.lotName.get(l.id), { onHand: l.onHand, liveReserved: l.reserved - (lapsedReserved.get(l.id) ?? 0) }]).sort(),
    ),
  };
}
