import type { Db } from "@stockroom/db";

const FIELDS = [
  ["producerId", "producer_id"],
  ["trackInventory", "track_inventory"],
  ["minStockLevel", "min_stock_level"],
  ["onHand", "on_hand"],
  ["reserved", "reserved_"],
  ["valueCents", "value_cents"],
  ["available", "available_"],
  ["expiredLots", "expired_lots"],
  ["expiringLots", "expiring_lots"],
  ["status", "expected_status"],
] as const;

type Row = { productId: string; validUntil: Date | null; valid_until: Date | null } & Record<string, unknown>;

export interface SummaryProblem {
  productId: string;
  /** The stored field that differs from what the lots give (or "row" when a product has none, "validUntil" when it claims too long). */
  field: string;
  expected: string;
  actual: string;
}

/**
 * "ProductStock" against the lots: every row equals stock_summary_of for its own day (the rule the
 * triggers maintain), its status follows its numbers, it claims no day past the first change its
 * lots bring ("validUntil" at or before it), and every product has a row. Set-wise per stored day.
 */
export async function validateStockSummaries(db: Db): Promise<SummaryProblem[]> {
  const rows = await db.$queryRaw<Row[]>`
    WITH days AS (SELECT "asOfDay", array_agg("productId") AS ids FROM "ProductStock" GROUP BY "asOfDay")
    SELECT ps.*, s.producer_id, s.track_inventory, s.min_stock_level, s.on_hand, s.reserved AS reserved_, s.value_cents,
      s.available AS available_, s.expired_lots, s.expiring_lots, s.valid_until,
      stock_summary_status(s.track_inventory, s.available, s.min_stock_level, s.expired_lots, s.expiring_lots) AS expected_status
    FROM days CROSS JOIN LATERAL stock_summary_of(days.ids, days."asOfDay") s
    JOIN "ProductStock" ps ON ps."productId" = s.product_id`;
  const missing = await db.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Product" p WHERE NOT EXISTS (SELECT 1 FROM "ProductStock" ps WHERE ps."productId" = p.id)`;
  const problems: SummaryProblem[] = missing.map((p) => ({ productId: p.id, field: "row", expected: "a summary row", actual: "none" }));
  for (const r of rows) {
    for (const [stored, computed] of FIELDS) {
      if (String(r[stored]) !== String(r[computed]))
        problems.push({ productId: r.productId, field: stored, expected: String(r[computed]), actual: String(r[stored]) });
    }
    if (r.valid_until && (!r.validUntil || r.validUntil > r.valid_until)) {
      problems.push({
        productId: r.productId,
        field: "validUntil",
        expected: `<= ${r.valid_until.toISOString().slice(0, 10)}`,
        actual: String(r.validUntil?.toISOString().slice(0, 10)),
      });
    }
  }
  return problems;
}
