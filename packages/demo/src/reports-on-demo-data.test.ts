import { useTestDatabase } from "@stockroom/db/testing";
import {
  accuracyTrend,
  adjustLot,
  dashboardSummary,
  expiryWasteCsv,
  expiryWasteReport,
  listCounts,
  listInventory,
  lowStockTrend,
  productDetail,
  profitability,
  restockRecommendations,
  type StaffActor,
  stockMovementSeries,
  writeOffLot,
} from "@stockroom/domain";
import { createTestDeps, ManualClock } from "@stockroom/domain/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedDemo } from "./seed-demo.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date("2026-06-01T09:00:00Z"));
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;
let greenleaf: StaffActor;
let greenleafId: string;

beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url, clock);
  await seedDemo(testDeps.deps);
  const staff = await database.current.db.staff.findUniqueOrThrow({ where: { email: "manager@greenleaf.test" } });
  greenleafId = staff.producerId as string;
  greenleaf = { kind: "staff", staffId: staff.id, email: staff.email, name: staff.name, role: staff.role, producerId: greenleafId };
}, 120_000); // seeding 90 simulated days
afterAll(() => testDeps.close());

// Every test starts at the same time, whatever the one before moved the clock to.
beforeEach(() => clock.reset());

describe("reports on the demo data", () => {
  it("has a stock-accuracy trend from approved counts, and one count under way", async () => {
    const trend = await accuracyTrend(testDeps.deps, greenleaf, { from: "2026-02-01", to: "2026-05-31" });
    expect(trend.map((p) => p.day)).toEqual(["2026-03-30", "2026-04-20", "2026-05-11", "2026-05-25"]);
    for (const point of trend) {
      expect(point.countedLots).toBeGreaterThan(0);
      // Some lots held a unit more than the system thought: below 100 %, and each rate is matched / counted.
      expect(point.accuracyRate).toBe(point.matchedLots / point.countedLots);
    }
    expect(trend.some((p) => p.matchedLots < p.countedLots)).toBe(true);
    const open = await listCounts(testDeps.deps, greenleaf, { status: "COUNTING" });
    expect(open).toHaveLength(1);
    expect(open[0]?.kind).toBe("CYCLE");
    const movements = await database.current.db.movement.count({ where: { type: "COUNT", producerId: greenleafId } });
    expect(movements).toBe(trend.reduce((sum, p) => sum + p.countedLots - p.matchedLots, 0));
  });

  it("dashboard cards agree with the inventory list and the database", async () => {
    const summary = await dashboardSummary(testDeps.deps, greenleaf, {});
    const all = await listInventory(testDeps.deps, greenleaf, { pageSize: 500 });
    expect(summary.products).toBe(25);
    expect(all.total).toBe(25);
    expect(summary.outOfStock).toBe(all.items.filter((i) => i.trackInventory && i.available === 0).length);
    // Every row explains its numbers: reserved splits into orders and carts; flags include the status.
    const statusFlag = { out: "out", low: "low", expired: "expired_lot", expiring: "expiring" } as const;
    for (const item of all.items) {
      expect(item.reservedByOrders + item.reservedByCarts).toBe(item.reserved);
      if (item.trackInventory && item.status !== "in_stock") expect(item.flags).toContain(statusFlag[item.status]);
    }
    expect(all.items.find((i) => i.sku === "GL-001")?.flags).toContain("expired_lot");
    expect(all.items.some((i) => i.reservedByOrders > 0)).toBe(true);
    expect(all.items.every((i) => i.producerName === "Greenleaf Pharmacy")).toBe(true);
    expect(summary.lowStock).toBe(all.items.filter((i) => i.trackInventory && i.available > 0 && i.available < i.minStockLevel).length);
    const [value] = await database.current.db.$queryRaw<
      { v: bigint }[]
    >`SELECT SUM("onHand"::bigint * "unitCostCents") AS v FROM "Lot" WHERE "producerId" = ${greenleafId}::uuid`;
    expect(summary.stockValueCents).toBe(Number(value?.v));
    expect(summary.expiringSoon.length).toBeGreaterThan(0);
    expect(summary.expiringSoon.every((l, i, a) => i === 0 || (a[i - 1] as typeof l).expiryDate <= l.expiryDate)).toBe(true);
  });

  it("inventory filters, searches (name, SKU, lot number), sorts and paginates on the server", async () => {
    const page1 = await listInventory(testDeps.deps, greenleaf, { pageSize: 10, sort: "sku" });
    const page2 = await listInventory(testDeps.deps, greenleaf, { pageSize: 10, sort: "sku", page: 2 });
    expect(page1.items.map((i) => i.sku)).toEqual(["GL-001", "GL-002", "GL-003", "GL-004", "GL-005", "GL-006", "GL-007", "GL-008", "GL-009", "GL-010"]);
    expect(page2.items[0]?.sku).toBe("GL-011");
    expect((await listInventory(testDeps.deps, greenleaf, { search: "ibuprofen" })).items.map((i) => i.sku)).toEqual(["GL-002"]);
    expect((await listInventory(testDeps.deps, greenleaf, { search: "GL-003-BS" })).items.map((i) => i.sku)).toEqual(["GL-003"]);
    const out = await listInventory(testDeps.deps, greenleaf, { status: "out" });
    expect(out.items.length).toBeGreaterThan(0);
    expect(out.items.every((i) => i.available === 0)).toBe(true);
    const byAvailable = await listInventory(testDeps.deps, greenleaf, { sort: "available", direction: "desc", pageSize: 5 });
    expect(byAvailable.items.map((i) => i.available)).toEqual([...byAvailable.items.map((i) => i.available)].sort((a, b) => b - a));
    expect((await listInventory(testDeps.deps, greenleaf, { category: "Vitamins" })).total).toBe(5);
  });

  it("inventory cursors walk the same rows as pages, for every sort and direction", async () => {
    for (const sort of ["name", "sku", "category", "available", "value"] as const) {
      for (const direction of ["asc", "desc"] as const) {
        const all = await listInventory(testDeps.deps, greenleaf, { sort, direction, pageSize: 500 });
        const walked: string[] = [];
        let cursor: string | undefined;
        for (let i = 0; i < 10; i++) {
          const page = await listInventory(testDeps.deps, greenleaf, { sort, direction, pageSize: 7, cursor });
          walked.push(...page.items.map((item) => item.id));
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        expect(walked, `${sort} ${direction}`).toEqual(all.items.map((item) => item.id));
        expect(all.nextCursor).toBeNull();
      }
    }
    // A rarer status is read through its own index and sorted: the same rows, in order, by pages or by cursor.
    for (const status of ["out", "expired", "in_stock"] as const) {
      const all = await listInventory(testDeps.deps, greenleaf, { status, sort: "name", direction: "desc", pageSize: 500 });
      expect(all.items.length, status).toBeGreaterThan(0);
      expect(all.items.every((item) => item.status === status)).toBe(true);
      expect(all.items.map((item) => item.name)).toEqual([...all.items.map((item) => item.name)].sort((a, b) => b.localeCompare(a, "en")));
      const first = await listInventory(testDeps.deps, greenleaf, { status, sort: "name", direction: "desc", pageSize: 1 });
      const second = first.nextCursor
        ? await listInventory(testDeps.deps, greenleaf, { status, sort: "name", direction: "desc", pageSize: 1, cursor: first.nextCursor })
        : { items: [] };
      expect([...first.items, ...second.items].map((item) => item.id)).toEqual(all.items.slice(0, 2).map((item) => item.id));
      expect(first.total).toBe(all.items.length);
    }
    const bad = await listInventory(testDeps.deps, greenleaf, { cursor: "not-a-cursor" }).catch((error: unknown) => error);
    expect(bad).toMatchObject({ code: "VALIDATION_FAILED", fields: { cursor: "not a cursor from this list" } });
  });

  it("product detail lists lots in FEFO order with bands", async () => {
    const product = await database.current.db.product.findFirstOrThrow({ where: { sku: "GL-001" } });
    const detail = await productDetail(testDeps.deps, greenleaf, { productId: product.id });
    // FEFO: the expired lot first, then the short-dated one, then by expiry (no expiry last).
    const inStock = detail.lots.filter((l) => l.onHand > 0);
    expect(inStock.slice(0, 2).map((l) => [l.lotNumber, l.band])).toEqual([
      ["GL-001-OLD", "EXPIRED"],
      ["GL-001-SD5", "DAYS_7"],
    ]);
    const expiries = inStock.map((l) => l.expiryDate ?? "9999-12-31");
    expect(expiries).toEqual([...expiries].sort());
    // Low exactly when below the minimum, as the alert decides it; untracked never.
    expect(detail.available).not.toBeNull();
    expect(detail.isLow).toBe((detail.available ?? 0) < detail.product.minStockLevel);
    await database.current.db.product.update({ where: { id: product.id }, data: { minStockLevel: (detail.available ?? 0) + 1 } });
    expect((await productDetail(testDeps.deps, greenleaf, { productId: product.id })).isLow).toBe(true);
    await database.current.db.product.update({ where: { id: product.id }, data: { trackInventory: false } });
    expect((await productDetail(testDeps.deps, greenleaf, { productId: product.id })).isLow).toBe(false);
    await database.current.db.product.update({ where: { id: product.id }, data: { trackInventory: true, minStockLevel: product.minStockLevel } });
  });

  it("analytics: movement series, low-stock trend, restock and profitability add up", async () => {
    const range = { from: "2026-05-25", to: "2026-06-01" };
    const series = await stockMovementSeries(testDeps.deps, greenleaf, range);
    const [fulfilled] = await database.current.db.$queryRaw<
      { n: number }[]
    >`SELECT -SUM(quantity)::int AS n FROM "Movement" WHERE type = 'FULFILMENT' AND "producerId" = ${greenleafId}::uuid AND "createdAt" >= '2026-05-25' AND "createdAt" < '2026-06-02'`;
    expect(series.reduce((s, r) => s + r.outUnits, 0)).toBe(fulfilled?.n);
    expect(series.reduce((s, r) => s + r.inUnits, 0)).toBeGreaterThan(0);
    const trend = await lowStockTrend(testDeps.deps, greenleaf, range);
    expect(trend).toHaveLength(8);
    const profit = await profitability(testDeps.deps, greenleaf, range);
    const delivered = await database.current.db.orderLine.findMany({
      where: { producerId: greenleafId, order: { stockMovedAt: { gte: new Date("2026-05-25"), lt: new Date("2026-06-02") } } },
    });
    expect(delivered.length).toBeGreaterThan(10);
    expect(profit.products.reduce((s, p) => s + p.revenueCents, 0)).toBe(delivered.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0));
    // Restock, recomputed from the inventory list and the ledger: velocity = units fulfilled in the last
    // 30 days / 30; reorder point = velocity x lead time + safety stock (velocity x half the lead time,
    // at least a day); suggest reorder point + 30 days of sales - available, when available <= it.
    const sold = await database.current.db.$queryRaw<{ productId: string; units: number }[]>`
      SELECT "productId", -SUM(quantity)::int AS units FROM "Movement"
      WHERE type = 'FULFILMENT' AND "producerId" = ${greenleafId}::uuid AND "createdAt" >= '2026-05-02'::date GROUP BY 1`;
    // One product that sold runs out, so at least one suggestion is due.
    const seller = await database.current.db.product.findFirstOrThrow({
      where: { id: { in: sold.map((s) => s.productId) }, sku: { not: "GL-001" }, trackInventory: true },
      include: { lots: { where: { onHand: { gt: 0 } } } },
    });
    for (const lot of seller.lots.filter((l) => l.onHand > l.reserved))
      await adjustLot(testDeps.deps, greenleaf, { lotId: lot.id, change: -(lot.onHand - lot.reserved), reason: "test: sold out" });
    const restock = await restockRecommendations(testDeps.deps, greenleaf, {});
    const inventory = await listInventory(testDeps.deps, greenleaf, { pageSize: 500 });
    const products = await database.current.db.product.findMany({ where: { producerId: greenleafId }, select: { id: true, leadTimeDays: true } });
    const expected = inventory.items
      .filter((i) => i.trackInventory)
      .map((i) => {
        const velocity = (sold.find((s) => s.productId === i.id)?.units ?? 0) / 30;
        const leadTime = products.find((p) => p.id === i.id)?.leadTimeDays ?? Number.NaN;
        const reorderPoint = Math.ceil(velocity * leadTime) + Math.ceil(velocity * Math.max(1, leadTime / 2));
        return { sku: i.sku, suggestedQuantity: i.available <= reorderPoint ? Math.max(0, reorderPoint + Math.ceil(velocity * 30) - i.available) : 0 };
      })
      .filter((r) => r.suggestedQuantity > 0);
    expect(expected.map((r) => r.sku)).toContain(seller.sku);
    const bySku = (a: { sku: string }, b: { sku: string }) => a.sku.localeCompare(b.sku);
    expect(restock.map((r) => ({ sku: r.sku, suggestedQuantity: r.suggestedQuantity })).sort(bySku)).toEqual(expected.sort(bySku));
  });

  it("expiry & waste report totals match the database, and the CSV carries every lot", async () => {
    const lot = await database.current.db.lot.findFirstOrThrow({ where: { lotNumber: "GL-001-OLD" } });
    await writeOffLot(testDeps.deps, greenleaf, { lotId: lot.id, quantity: 2, reason: "EXPIRED" });
    const report = await expiryWasteReport(testDeps.deps, greenleaf, { from: "2026-05-01", to: "2026-06-30" });
    const [expected] = await database.current.db.$queryRaw<{ units: number }[]>`
      SELECT COALESCE(SUM("onHand"), 0)::int AS units FROM "Lot" WHERE "producerId" = ${greenleafId}::uuid AND "onHand" > 0 AND "expiryDate" <= '2026-08-30'::date`;
    expect(report.bands.reduce((s, b) => s + b.units, 0)).toBe(expected?.units);
    const [expired] = await database.current.db.$queryRaw<{ lots: number; units: number }[]>`
      SELECT COUNT(*)::int AS lots, COALESCE(SUM("onHand"), 0)::int AS units FROM "Lot"
      WHERE "producerId" = ${greenleafId}::uuid AND "onHand" > 0 AND "expiryDate" <= '2026-06-01'::date`;
    expect(report.bands.find((b) => b.band === "EXPIRED")).toMatchObject(expired ?? {});
    expect(report.bands.find((b) => b.band === "EXPIRED")?.units).toBeGreaterThanOrEqual(4);
    const [waste] = await database.current.db.$queryRaw<{ units: number; cost: number }[]>`
      SELECT -SUM(quantity)::int AS units, -SUM(quantity * "unitCostCents")::int AS cost FROM "Movement"
      WHERE "producerId" = ${greenleafId}::uuid AND reason = 'write-off: expired' AND "createdAt" >= '2026-05-01' AND "createdAt" < '2026-07-01'`;
    expect(report.waste.find((w) => w.reason === "write-off: expired")).toEqual({ reason: "write-off: expired", units: waste?.units, costCents: waste?.cost });
    expect(waste?.units).toBeGreaterThanOrEqual(2);
    expect(report.expiredWasteRate).toBeGreaterThan(0);
    const csv = await expiryWasteCsv(testDeps.deps, greenleaf, { from: "2026-05-01", to: "2026-06-30" });
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("band,product,sku,lot,location,expiry_date,units,value_at_cost");
    expect(lines).toHaveLength(report.lots.length + 1);
  });
});
