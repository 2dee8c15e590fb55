import { createDb } from "@stockroom/db";
import { validateInventory } from "@stockroom/domain";
import pg from "pg";

export interface StockCheck {
  /** The domain's invariant checker (`pnpm inventory:validate`): problems found, by check. */
  invariantProblems: number;
  problemsByCheck: Record<string, number>;
  /** Lots whose live holds plus open orders claim more units than the lot has on hand. */
  oversoldLots: number;
  oversoldUnits: number;
  /** What the run left: orders by status, holds by status. */
  orders: Record<string, number>;
  holds: Record<string, number>;
}

/** After the load: every stock invariant, and no lot promised beyond its stock (goal: 0 and 0). */
export async function checkStock(url: string): Promise<StockCheck> {
  const db = createDb(url, { maxConnections: 2 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const problems = await validateInventory(db, new Date());
    const problemsByCheck: Record<string, number> = {};
    for (const p of problems) problemsByCheck[p.check] = (problemsByCheck[p.check] ?? 0) + 1;
    const oversold = await client.query<{ lots: number; units: number }>(
      `WITH claims AS (
         SELECT l.id, l."onHand",
           COALESCE((SELECT SUM(a.quantity) FROM "HoldAllocation" a JOIN "Hold" h ON h.id = a."holdId" WHERE a."lotId" = l.id AND h.status = 'HELD'), 0)
           + COALESCE((SELECT SUM(oa.quantity) FROM "OrderLineAllocation" oa JOIN "OrderLine" ol ON ol.id = oa."orderLineId" JOIN "Order" o ON o.id = ol."orderId"
                       WHERE oa."lotId" = l.id AND o."stockMovedAt" IS NULL AND o.status <> 'CANCELLED'), 0) AS claimed
         FROM "Lot" l)
       SELECT COUNT(*)::int AS lots, COALESCE(SUM(claimed - "onHand"), 0)::int AS units FROM claims WHERE claimed > "onHand"`,
    );
    const countBy = async (table: string) =>
      Object.fromEntries(
        (await client.query<{ status: string; n: number }>(`SELECT status::text, COUNT(*)::int AS n FROM "${table}" GROUP BY status ORDER BY status`)).rows.map(
          (r) => [r.status, r.n],
        ),
      );
    return {
      invariantProblems: problems.length,
      problemsByCheck,
      oversoldLots: oversold.rows[0]?.lots ?? 0,
      oversoldUnits: oversold.rows[0]?.units ?? 0,
      orders: await countBy("Order"),
      holds: await countBy("Hold"),
    };
  } finally {
    await client.end();
    await db.$disconnect();
  }
}
