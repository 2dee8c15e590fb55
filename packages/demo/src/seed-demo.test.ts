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
  it("seeds every band, low and out of stock, and orders in each status; twice changes nothing", async () => {
    const { db } = database.current;
    await seedDemo(testDeps.deps);
    const counts = async () => ({
      lots: await db.lot.count(),
      movements: await db.movement.count(),
      orders: await db.order.count(),
      products: await db.product.count(),
      auditEvents: await db.auditEvent.count(),
      invitations: await db.staffInvitation.count(),
    });
    const first = await counts();
    await seedDemo(testDeps.deps);
    expect(await counts()).toEqual(first);
    expect(first.products).toBe(50);
    // The Staff and Audit log pages have content on first start: one open invitation, its event and each producer's creation.
    expect(first).toMatchObject({ auditEvents: 3, invitations: 1 });

    const statuses = await db.order.groupBy({ by: ["status"], _count: true });
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count]))).toEqual({ PENDING: 2, CONFIRMED: 2, DISPATCHED: 2, DELIVERED: 2, CANCELLED: 2 });
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
      expect(row).toMatchObject({ products: 25, expired: 1 });
      expect(row.low).toBeGreaterThan(0);
      expect(row.out).toBeGreaterThan(0);
      expect(row.within7).toBeGreaterThan(0);
      expect(row.within30).toBeGreaterThan(0);
      expect(row.within90).toBeGreaterThan(0);
    }
    expect(await validateInventory(db, clock.now())).toEqual([]);
  });

  it("the validator catches a lot whose on hand disagrees with its ledger, and --fix reconciles it with a movement", async () => {
    const { db } = database.current;
    const lot = await db.lot.findFirstOrThrow({ where: { onHand: { gt: 5 } } });
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
