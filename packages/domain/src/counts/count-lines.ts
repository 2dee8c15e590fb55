import type { Db, Tx } from "@stockroom/db";

export interface CountLineRow {
  id: string;
  lotId: string;
  productId: string;
  sku: string;
  productName: string;
  barcode: string | null;
  lotNumber: string;
  expiryDate: Date | null;
  locationName: string;
  expectedOnHand: number;
  unitCostCents: number;
  round: number;
  recountRequested: boolean;
  movementId: bigint | null;
  /** Units counted in the current round (null: not counted yet). */
  counted: number | null;
  entries: number;
  lastCountedAt: Date | null;
  /** What the system held when the lot was counted: the snapshot plus what moved between the snapshot and the count. */
  systemAtCount: number;
}

/**
 * The lines of a count with what was counted and what the system held at that moment. A sale or a
 * receipt during the count moves on hand after the snapshot; counted against `systemAtCount`, it is
 * not a variance. The time of the last entry of the current round is the line's count time.
 */
export function countLines(db: Db | Tx, sessionId: string): Promise<CountLineRow[]> {
  return db.$queryRaw<CountLineRow[]>`
    SELECT cl.id, cl."lotId", cl."productId", p.sku, p.name AS "productName", p.barcode, l."lotNumber", l."expiryDate",
           loc.name AS "locationName", cl."expectedOnHand", cl."unitCostCents", cl.round, cl."recountRequested", cl."movementId",
           e.counted, e.entries, e."lastCountedAt",
           cl."expectedOnHand" + COALESCE((
             SELECT sum(m.quantity) FROM "Movement" m
             WHERE m."lotId" = cl."lotId" AND m.id > cl."snapshotMovementId" AND m."createdAt" <= e."lastCountedAt"
               AND m.id IS DISTINCT FROM cl."movementId"), 0)::int AS "systemAtCount"
    FROM "CountLine" cl
    JOIN "Lot" l ON l.id = cl."lotId"
    JOIN "Product" p ON p.id = cl."productId"
    JOIN "Location" loc ON loc.id = l."locationId"
    LEFT JOIN LATERAL (
      SELECT sum(ce.quantity)::int AS counted, count(*)::int AS entries, max(ce."countedAt") AS "lastCountedAt"
      FROM "CountEntry" ce WHERE ce."lineId" = cl.id AND ce.round = cl.round
    ) e ON true
    WHERE cl."sessionId" = ${sessionId}::uuid
    ORDER BY loc.name, p.name, l."lotNumber"`;
}

export interface Thresholds {
  recountUnits: number;
  recountValueCents: number;
}

export function varianceOf(line: CountLineRow): number | null {
  return line.counted === null ? null : line.counted - line.systemAtCount;
}

/** A first-round count whose variance is above either threshold asks for a recount. */
export function needsRecount(line: CountLineRow, t: Thresholds): boolean {
  const variance = varianceOf(line);
  if (variance === null || line.round > 1) return false;
  return Math.abs(variance) > t.recountUnits || Math.abs(variance * line.unitCostCents) > t.recountValueCents;
}

/** Accuracy over the counted lines: lots that matched / lots counted, and the same weighted by their system value at cost. */
export function accuracyOf(lines: CountLineRow[]) {
  const counted = lines.filter((l) => l.counted !== null);
  const matched = counted.filter((l) => varianceOf(l) === 0);
  const value = (ls: CountLineRow[]) => ls.reduce((sum, l) => sum + Math.max(l.systemAtCount, 0) * l.unitCostCents, 0);
  const [countedValueCents, matchedValueCents] = [value(counted), value(matched)];
  return {
    countedLots: counted.length,
    matchedLots: matched.length,
    countedValueCents,
    matchedValueCents,
    accuracyRate: counted.length === 0 ? null : matched.length / counted.length,
    valueAccuracyRate: countedValueCents === 0 ? null : matchedValueCents / countedValueCents,
  };
}
