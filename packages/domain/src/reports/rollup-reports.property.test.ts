import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { actorFor, createProducer, createProduct, createStaff, useStockWorld } from "../testing/index.ts";
import { lowStockTrend, profitability, restockRecommendations, stockMovementSeries } from "./analytics.ts";
import { expiryWasteReport } from "./expiry-waste-report.ts";
import { ledgerLowStockTrend, ledgerProfitability, ledgerSeries, ledgerSoldLast30, ledgerWaste } from "./ledger-reference.ts";
import { validateRollups } from "./validate-rollups.ts";

// The reports read "MovementDaily" (and LowStockAlert in one pass); the row-by-row queries they
// replaced are in ledger-reference.ts. Random INSERT statements (several rows, same keys, day
// edges) grow the ledger run after run; after each, every report equals its ledger version.
const stock = useStockWorld();
const TYPES = ["RECEIPT", "FULFILMENT", "ADJUSTMENT", "WRITE_OFF", "TRANSFER", "COUNT", "RETURN"] as const;
const REASONS = ["write-off: expired", "write-off: damaged", "write-off: expired (shelf)", "bench"];
const START = Date.UTC(2026, 0, 1);
const DAY_MS = 86_400_000;
const runs = Number(process.env.ROLLUP_PROPERTY_RUNS ?? 25);

interface World {
  producers: { id: string; staff: StaffActor }[];
  products: { id: string; producerId: string; lotId: string; orderIds: string[] }[];
}
let world: World;

beforeAll(async () => {
  const producers = [];
  const products = [];
  for (const producer of [stock.world.producer, await createProducer(stock.db)]) {
    const staff = actorFor(await createStaff(stock.db, { role: "PRODUCER_ADMIN", producerId: producer.id }));
    producers.push({ id: producer.id, staff });
    const location = await stock.db.location.create({ data: { producerId: producer.id, name: "Rollup shop" } });
    const made = await Promise.all([0, 1, 2].map(() => createProduct(stock.db, producer.id)));
    const orders = await Promise.all(
      [1, 2].map((n) =>
        stock.db.order.create({
          data: {
            producerId: producer.id,
            producerNumber: 5000 + n,
            reference: `R-${5000 + n}`,
            cartId: `rollup-${producer.id}-${n}`,
            lines: { create: made.map((p, i) => ({ productId: p.id, producerId: producer.id, quantity: 1, unitPriceCents: 100 * n + 37 * i })) },
          },
        }),
      ),
    );
    for (const p of made) {
      const lot = await stock.db.lot.create({
        data: { producerId: producer.id, productId: p.id, locationId: location.id, lotNumber: "R-1", unitCostCents: 1 },
      });
      products.push({ id: p.id, producerId: producer.id, lotId: lot.id, orderIds: orders.map((o) => o.id) });
    }
  }
  world = { producers, products };
});

const movement = fc.record({
  product: fc.nat(5),
  at: fc.oneof(
    fc.nat(59).map((d) => START + d * DAY_MS),
    fc.nat(59).map((d) => START + (d + 1) * DAY_MS - 1),
    fc.nat(60 * DAY_MS - 1).map((ms) => START + ms),
  ),
  type: fc.constantFrom(...TYPES),
  quantity: fc.integer({ min: 1, max: 9 }),
  sign: fc.boolean(),
  reason: fc.constantFrom(...REASONS),
  order: fc.nat(1),
  unitCostCents: fc.nat(500),
});
const alert = fc.record({ product: fc.nat(5), at: fc.nat(60 * DAY_MS - 1), lasts: fc.option(fc.nat(12 * DAY_MS), { nil: null }) });
const query = fc.record({ from: fc.nat(62), days: fc.nat(70), bucket: fc.constantFrom("day" as const, "week" as const), who: fc.nat(3) });
type Movement = typeof movement extends fc.Arbitrary<infer T> ? T : never;
type Query = typeof query extends fc.Arbitrary<infer T> ? T : never;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function insertStatement(rows: Movement[]) {
  const m = rows.map((r) => {
    const product = world.products[r.product] as World["products"][number];
    const negative = r.type === "FULFILMENT" || r.type === "WRITE_OFF" || ((r.type === "ADJUSTMENT" || r.type === "COUNT" || r.type === "TRANSFER") && r.sign);
    return { ...r, product, quantity: negative ? -r.quantity : r.quantity, orderId: r.type === "FULFILMENT" ? product.orderIds[r.order] : null };
  });
  await stock.db.$executeRaw`
    INSERT INTO "Movement" ("lotId", "productId", "producerId", type, quantity, "previousOnHand", "newOnHand", "unitCostCents", reason, actor, "referenceType", "referenceId", "createdAt")
    SELECT * FROM unnest(${m.map((r) => r.product.lotId)}::uuid[], ${m.map((r) => r.product.id)}::uuid[], ${m.map((r) => r.product.producerId)}::uuid[],
      ${m.map((r) => r.type)}::"MovementType"[], ${m.map((r) => r.quantity)}::int[], ${m.map(() => 100)}::int[], ${m.map((r) => 100 + r.quantity)}::int[],
      ${m.map((r) => r.unitCostCents)}::int[], ${m.map((r) => r.reason)}::text[], ${m.map(() => "test")}::text[],
      ${m.map((r) => (r.orderId ? "order" : null))}::text[], ${m.map((r) => r.orderId)}::text[], ${m.map((r) => new Date(r.at).toISOString())}::timestamp[])`;
}

async function expectReportsEqualLedger(q: Query) {
  const from = day(START + q.from * DAY_MS);
  const to = day(START + (q.from + q.days) * DAY_MS);
  const [a, b] = world.producers as [World["producers"][number], World["producers"][number]];
  const scopes: { actor: StaffActor; scope: string | null; producerId?: string }[] = [
    { actor: a.staff, scope: a.id },
    { actor: b.staff, scope: b.id },
    { actor: stock.world.admin, scope: null },
    { actor: stock.world.admin, scope: b.id, producerId: b.id },
  ];
  const { actor, scope, producerId } = scopes[q.who] as (typeof scopes)[number];
  const input = { from, to, bucket: q.bucket, ...(producerId ? { producerId } : {}) };
  const ref = { db: stock.db, q: { from, to, scope } };
  expect(await stockMovementSeries(stock.deps, actor, input)).toEqual(await ledgerSeries(ref.db, { ...ref.q, bucket: q.bucket }));
  expect(await lowStockTrend(stock.deps, actor, input)).toEqual(await ledgerLowStockTrend(ref.db, ref.q));
  const profit = await profitability(stock.deps, actor, input);
  const byId = (x: { productId: string }, y: { productId: string }) => x.productId.localeCompare(y.productId);
  expect(profit.products.map(({ productId, units, revenueCents, costCents }) => ({ productId, units, revenueCents, costCents })).sort(byId)).toEqual(
    await ledgerProfitability(ref.db, ref.q),
  );
  const waste = await expiryWasteReport(stock.deps, actor, input);
  const ledger = await ledgerWaste(ref.db, ref.q);
  expect([...waste.waste].sort((x, y) => x.reason.localeCompare(y.reason))).toEqual(ledger.waste);
  const expired = ledger.waste.filter((w) => w.reason.startsWith("write-off: expired")).reduce((s, w) => s + w.units, 0);
  expect(waste.expiredWasteRate).toBe(ledger.outflowUnits > 0 ? expired / ledger.outflowUnits : 0);
  stock.clock.set(new Date(`${to}T12:00:00Z`));
  // No lot holds stock here: every product that sold in the last 30 days is suggested, with its sales.
  const sold = (await ledgerSoldLast30(ref.db, { today: to, scope })).filter((s) => s.soldLast30 > 0);
  const restock = await restockRecommendations(stock.deps, actor, producerId ? { producerId } : {});
  expect(restock.map(({ productId, soldLast30 }) => ({ productId, soldLast30 })).sort(byId)).toEqual(sold);
}

describe("reports from MovementDaily give the ledger's answers", () => {
  it(`after random INSERT statements (${runs} runs), for random ranges, buckets and scopes`, async () => {
    let fulfilled = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(movement, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        fc.array(alert, { maxLength: 3 }),
        fc.array(query, { minLength: 1, maxLength: 3 }),
        async (statements, alerts, queries) => {
          for (const rows of statements) await insertStatement(rows);
          fulfilled += statements.flat().filter((r) => r.type === "FULFILMENT").length;
          for (const a of alerts) {
            const product = world.products[a.product] as World["products"][number];
            // The trend reads only openedAt / resolvedAt; status RESOLVED keeps clear of the one-open-alert index.
            await stock.db.lowStockAlert.create({
              data: {
                productId: product.id,
                producerId: product.producerId,
                status: "RESOLVED",
                availableAtOpen: 1,
                minimumAtOpen: 5,
                available: 1,
                openedAt: new Date(START + a.at),
                resolvedAt: a.lasts === null ? null : new Date(START + a.at + a.lasts),
              },
            });
          }
          for (const q of queries) await expectReportsEqualLedger(q);
          expect(await validateRollups(stock.db)).toEqual([]);
        },
      ),
      { numRuns: runs, seed: Number(process.env.ROLLUP_PROPERTY_SEED ?? 19) },
    );
    // The runs did exercise revenue: fulfilments referencing order lines were written.
    expect(fulfilled).toBeGreaterThan(10);
    expect(await stock.db.movementDaily.count()).toBeGreaterThan(50);
  }, 240_000);
});
