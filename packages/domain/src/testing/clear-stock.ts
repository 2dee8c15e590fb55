import type { Db } from "@stockroom/db";

/** Every table a stock sequence writes (and the ledger's rollups), children first; listed, so a new reference to them fails here loudly. */
const STOCK_TABLES = [
  "HoldAllocation",
  "Hold",
  "OrderLineAllocation",
  "OrderLine",
  "Order",
  "LotExpiryAlert",
  "LowStockAlert",
  "MovementDaily",
  "MovementDailyByProducer",
  "Movement",
  "Lot",
  "Product",
];

/**
 * Empties the stock tables of a test database (products, lots, ledger, holds, orders), keeping
 * producers, locations and staff, so a property test's invariant checks read only the current
 * run's rows. The ledger is append-only: its trigger is off only inside this transaction, so no
 * other connection ever sees it off.
 */
export async function clearStock(db: Db): Promise<void> {
  await db.$transaction([
    db.$executeRawUnsafe(`ALTER TABLE "Movement" DISABLE TRIGGER "Movement_append_only"`),
    ...STOCK_TABLES.map((table) => db.$executeRawUnsafe(`DELETE FROM "${table}"`)),
    db.$executeRawUnsafe(`ALTER TABLE "Movement" ENABLE TRIGGER "Movement_append_only"`),
  ]);
}
