import { useTestDatabase } from "@stockroom/db/testing";
import { dashboardSummary, fixLedgerProblems, inventoryReport, validateInventory } from "@stockroom/domain";
import { createTestDeps, ManualClock } from "@stockroom/domain/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedDemo } from "./seed-demo.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date("2026-06-01T09:00:00Z"));
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;

beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url, clock);
});
afterAll(() => testDeps.close());

// Every test starts at the same time, whatever the one before moved the clock to.
beforeEach(() => clock.reset());

describe("demo seed and inventory tools", () => {
  it("seeds 90 days of history, every band, low and out of stock, and orders in each status; twice changes nothing", async () => {
    const { db } = database.current;
    await seedDemo(testDeps.deps);
    const counts = async () => ({
      lots: await db.lot.count(),
      movements: await db.movement.count(),
      orders: await db.order.count(),
      products: await db.product.count(),
      // The purchasing seed's events (suppliers, purchase orders) are counted on their own below.
      auditEvents: await db.auditEvent.count({ where: { OR: [{ targetType: null }, { targetType: { notIn: ["supplier", "purchase_order"] } }] } }),
      purchasingEvents: await db.auditEvent.count({ where: { targetType: { in: ["supplier", "purchase_order"] } } }),
      purchaseOrders: await db.purchaseOrder.count(),
      invitations: await db.staffInvitation.count(),
      inventoryChecks: await db.inventoryCheck.count(),
    });
    const first = await counts();
    await seedDemo(testDeps.deps);
    expect(await counts()).toEqual(first);
    expect(first.products).toBe(50);
    // The Staff and Audit log pages have content on first start: one open invitation, its event and each producer's creation.
    expect(first).toMatchObject({ auditEvents: 3, invitations: 1 });
    // Suppliers and a purchase order in every state, for the Suppliers and Purchase orders pages.
    expect(first.purchasingEvents).toBeGreaterThan(0);
    const states = await db.purchaseOrder.groupBy({ by: ["status"], _count: true });
    expect(states.map((s) => s.status).sort()).toEqual(["APPROVED", "CANCELLED", "PARTIALLY_RECEIVED", "PENDING_APPROVAL", "RECEIVED", "REJECTED"]);
    expect(await db.purchaseOrder.count({ where: { shipmentExpectedOn: { not: null } } })).toBe(2);
    // System health has a drift check to show, and the demo's stock has no drift.
    expect(first.inventoryChecks).toBe(1);
    expect(await db.inventoryCheck.findFirstOrThrow()).toMatchObject({ trigger: "schedule", violations: 0 });
    // ...and the shoppers' holds of the simulated days, for reservationSuccessRate's trend.
    const heldDays = await db.metricCounter.count({ where: { name: "reservation.succeeded" } });
    expect(heldDays).toBeGreaterThan(80);

    // A living shop: 90 days of orders, most delivered, some in flight now, a few cancelled.
    const statuses = Object.fromEntries((await db.order.groupBy({ by: ["status"], _count: true })).map((s) => [s.status, s._count]));
    expect(Object.keys(statuses).sort()).toEqual(["CANCELLED", "CONFIRMED", "DELIVERED", "DISPATCHED", "PENDING"]);
    expect(statuses.DELIVERED).toBeGreaterThan(300);
    const pendingSince = await db.order.findFirstOrThrow({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" } });
    expect(clock.now().getTime() - pendingSince.createdAt.getTime()).toBeLessThan(48 * 3_600_000);
    const [span] = await db.$queryRaw<{ days: number }[]>`SELECT COUNT(DISTINCT "createdAt"::date)::int AS days FROM "Movement"`;
    expect(span?.days).toBeGreaterThanOrEqual(60);
    const alerts = Object.fromEntries((await db.lowStockAlert.groupBy({ by: ["status"], _count: true })).map((a) => [a.status, a._count]));
    expect(alerts.RESOLVED).toBeGreaterThan(0);
    expect(alerts.OPEN).toBeGreaterThan(0);
    expect(await db.lowStockAlert.count({ where: { escalationLevel: { gt: 0 } } })).toBeGreaterThan(0);
    expect(await db.movement.count({ where: { type: "WRITE_OFF", reason: "write-off: expired" } })).toBeGreaterThan(0);
    const report = await inventoryReport(db, clock.now());
    expect(report).toHaveLength(2);
    const admin = {
      kind: "staff",
      staffId: "00000000-0000-4000-8000-000000000000",
      email: "a@test",
      name: "A",
      role: "PLATFORM_ADMIN",
      producerId: null,
    } as const;
    for (const row of report) {
      // The same counts the dashboard shows for that producer, computed by another query.
      const producer = await db.producer.findFirstOrThrow({ where: { name: row.producer } });
      const cards = await dashboardSummary(testDeps.deps, admin, { producerId: producer.id });
      expect({ low: row.low, out: row.out, valueCents: Number(row.valueCents) }).toEqual({
        low: cards.lowStock,
        out: cards.outOfStock,
        valueCents: cards.stockValueCents,
      });
      expect(row.products).toBe(25);
      expect(row.expired).toBeGreaterThanOrEqual(1);
      expect(row.low).toBeGreaterThan(0);
      expect(row.out).toBeGreaterThan(0);
      expect(row.within7).toBeGreaterThan(0);
      expect(row.within30).toBeGreaterThan(0);
      expect(row.within90).toBeGreaterThan(0);
    }
    expect(await validateInventory(db, clock.now())).toEqual([]);
  }, 120_000);

  it("the validator catches a lot whose on hand disagrees with its ledger, and --fix reconciles it with a movement", async () => {
    const { db } = database.current;
    const lot = await db.lot.findFirstOrThrow({ where: { onHand: { gt: 5 }, reserved: 0 } });
    await db.$executeRaw`UPDATE "Lot" SET "onHand" = "onHand" - 2 WHERE id = ${lot.id}::uuid`;
    const problems = await validateInventory(db, clock.now());
    expect(problems).toEqual([expect.objectContaining({ check: "ledger", lotId: lot.id, expected: lot.onHand, actual: lot.onHand - 2 })]);
    expect(await fixLedgerProblems(db, problems)).toBe(1);
    expect(await validateInventory(db, clock.now())).toEqual([]);
    const fix = await db.movement.findFirstOrThrow({ where: { lotId: lot.id }, orderBy: { id: "desc" } });
    expect(fix).toMatchObject({ type: "ADJUSTMENT", quantity: -2, reason: "reconciliation" });
  });

  it("movements are append-only in the database", async () => {
    const { db } = database.current;
    await expect(db.$executeRaw`UPDATE "Movement" SET quantity = quantity WHERE id = (SELECT min(id) FROM "Movement")`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "Movement"`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE "Lot" SET reserved = "onHand" + 1 WHERE id = (SELECT min(id::text)::uuid FROM "Lot")`).rejects.toThrow(
      /Lot_reserved_within_onHand/,
    );
  });
});
