import type { Db } from "@stockroom/db";
import { validateRollups } from "../reports/validate-rollups.ts";
import { utcDay } from "./sql-time.ts";
import { validateStockSummaries } from "./validate-stock-summary.ts";

export interface InventoryProblem {
  check: "ledger" | "reserved" | "expired-hold" | "negative" | "summary" | "rollup";
  /** null for a product summary ("summary"), which is per product ("" for a rollup row). */
  lotId: string | null;
  lotNumber: string | null;
  productId: string;
  expected: number | string;
  actual: number | string;
  message: string;
}

/**
 * Every invariant of the stock model, checked in SQL: per lot, on hand = sum of its movements;
 * reserved = live hold allocations + allocations of orders not yet dispatched/delivered/cancelled;
 * no live hold (HELD, before its expiresAt) draws on an expired lot; nothing negative; every
 * product summary ("ProductStock") equals its lots (validateStockSummaries).
 */
export async function validateInventory(db: Db, now: Date): Promise<InventoryProblem[]> {
  const today = utcDay(now);
  const rows = await db.$queryRaw<
    { lotId: string; lotNumber: string; productId: string; onHand: number; reserved: number; ledger: number; expectedReserved: number; expiredHeld: number }[]
  >`
    SELECT l.id AS "lotId", l."lotNumber", l."productId", l."onHand", l.reserved,
      COALESCE((SELECT SUM(m.quantity) FROM "Movement" m WHERE m."lotId" = l.id), 0)::int AS ledger,
      (COALESCE((SELECT SUM(a.quantity) FROM "HoldAllocation" a JOIN "Hold" h ON h.id = a."holdId" WHERE a."lotId" = l.id AND h.status = 'HELD'), 0)
       + COALESCE((SELECT SUM(oa.quantity) FROM "OrderLineAllocation" oa JOIN "OrderLine" ol ON ol.id = oa."orderLineId" JOIN "Order" o ON o.id = ol."orderId"
                   WHERE oa."lotId" = l.id AND o."stockMovedAt" IS NULL AND o.status <> 'CANCELLED'), 0))::int AS "expectedReserved",
      CASE WHEN stock_expiry_band(l."expiryDate", ${today}::date) = 'EXPIRED' THEN
        COALESCE((SELECT SUM(a.quantity) FROM "HoldAllocation" a JOIN "Hold" h ON h.id = a."holdId"
                  WHERE a."lotId" = l.id AND h.status = 'HELD' AND h."expiresAt" > ${now.toISOString()}::timestamp), 0)::int
      ELSE 0 END AS "expiredHeld"
    FROM "Lot" l ORDER BY l."productId", l.id`;
  const problems: InventoryProblem[] = [];
  for (const r of rows) {
    const base = { lotId: r.lotId, lotNumber: r.lotNumber, productId: r.productId };
    if (r.onHand !== r.ledger) {
      problems.push({ ...base, check: "ledger", expected: r.ledger, actual: r.onHand, message: `on hand ${r.onHand} but movements sum to ${r.ledger}` });
    }
    if (r.reserved !== r.expectedReserved) {
      problems.push({
        ...base,
        check: "reserved",
        expected: r.expectedReserved,
        actual: r.reserved,
        message: `reserved ${r.reserved} but live holds and open orders account for ${r.expectedReserved}`,
      });
    }
    if (r.expiredHeld > 0) {
      problems.push({
        ...base,
        check: "expired-hold",
        expected: 0,
        actual: r.expiredHeld,
        message: `${r.expiredHeld} unit(s) of an expired lot are in live holds`,
      });
    }
    if (r.onHand < 0 || r.reserved < 0 || r.reserved > r.onHand) {
      problems.push({ ...base, check: "negative", expected: 0, actual: r.onHand, message: `on hand ${r.onHand}, reserved ${r.reserved}` });
    }
  }
  for (const s of await validateStockSummaries(db)) {
    problems.push({
      check: "summary",
      lotId: null,
      lotNumber: null,
      productId: s.productId,
      expected: s.expected,
      actual: s.actual,
      message: `product summary ${s.field} is ${s.actual} but its lots give ${s.expected}`,
    });
  }
  return [...problems, ...(await validateRollups(db))];
}

/** Writes a correcting ADJUSTMENT (reason "reconciliation") for each ledger mismatch: on hand is the physical truth. */
export async function fixLedgerProblems(db: Db, problems: InventoryProblem[]): Promise<number> {
  let fixed = 0;
  for (const p of problems.filter((x) => x.check === "ledger")) {
    await db.$executeRaw`
      INSERT INTO "Movement" ("lotId", "productId", "producerId", type, quantity, "previousOnHand", "newOnHand", "unitCostCents", reason, actor)
      SELECT id, "productId", "producerId", 'ADJUSTMENT', ${Number(p.actual) - Number(p.expected)}::int, ${Number(p.expected)}::int, ${Number(p.actual)}::int, "unitCostCents", 'reconciliation', 'system:inventory-validate'
      FROM "Lot" WHERE id = ${p.lotId}::uuid`;
    fixed++;
  }
  return fixed;
}
