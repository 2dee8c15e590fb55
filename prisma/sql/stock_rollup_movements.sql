-- Keeps "MovementDaily" (the ledger summed per product, UTC day, type and write-off reason) equal to
-- "Movement": each INSERT statement's rows, grouped, are added to their day's row as deltas
-- (ON CONFLICT ... SET x = x + EXCLUDED.x), so concurrent transactions stay exact under READ
-- COMMITTED; rows are upserted in key order, so two statements never lock them in opposite orders.
-- The ledger is append-only (Movement_append_only): inserts are its only change. FULFILMENT revenue is
-- the units x the unit price of the order line they fulfilled (profitability reads no Movement row).
-- "MovementDailyByProducer" gets one row per producer and day of the statement, then that day's rows
-- that no other transaction holds are merged into one (FOR UPDATE SKIP LOCKED: never waits, so no
-- deadlock and no queue behind a long import; each row is deleted by one merge, which adds its sums).
-- SECURITY DEFINER: the app role may only read the tables; nothing but this trigger writes them.
CREATE OR REPLACE FUNCTION stock_rollup_movements()
RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO "MovementDaily" AS d ("productId", "day", "type", "reason", "producerId", "unitsIn", "unitsOut", "costCents", "revenueCents", "movements")
  SELECT n."productId", n."createdAt"::date, n.type, CASE WHEN n.type = 'WRITE_OFF' THEN n.reason ELSE '' END, n."producerId",
         SUM(GREATEST(n.quantity, 0)), SUM(LEAST(n.quantity, 0)), SUM(n.quantity::bigint * n."unitCostCents"),
         COALESCE(SUM(-n.quantity::bigint * ol."unitPriceCents"), 0), COUNT(*)
  FROM new_rows n
  LEFT JOIN LATERAL (
    SELECT l."unitPriceCents" FROM "OrderLine" l
    WHERE n.type = 'FULFILMENT' AND n."referenceType" = 'order'
      AND l."orderId" = (CASE WHEN n."referenceId" ~ '^[0-9a-fA-F-]{36}$' THEN n."referenceId"::uuid END) AND l."productId" = n."productId"
    LIMIT 1
  ) ol ON true
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("productId", "day", "type", "reason") DO UPDATE SET
    "unitsIn" = d."unitsIn" + EXCLUDED."unitsIn",
    "unitsOut" = d."unitsOut" + EXCLUDED."unitsOut",
    "costCents" = d."costCents" + EXCLUDED."costCents",
    "revenueCents" = d."revenueCents" + EXCLUDED."revenueCents",
    "movements" = d."movements" + EXCLUDED."movements";

  INSERT INTO "MovementDailyByProducer" ("producerId", "day", "inUnits", "fulfilledUnits", "writtenOffUnits", "movements")
  SELECT n."producerId", n."createdAt"::date,
         COALESCE(SUM(n.quantity) FILTER (WHERE n.quantity > 0 AND n.type IN ('RECEIPT', 'RETURN', 'ADJUSTMENT', 'COUNT')), 0),
         COALESCE(-SUM(n.quantity) FILTER (WHERE n.type = 'FULFILMENT'), 0),
         COALESCE(-SUM(n.quantity) FILTER (WHERE n.type = 'WRITE_OFF'), 0),
         COUNT(*)
  FROM new_rows n WHERE n.type <> 'TRANSFER'
  GROUP BY 1, 2;

  WITH touched AS (
    SELECT DISTINCT "producerId", "createdAt"::date AS day FROM new_rows WHERE type <> 'TRANSFER'
  ), merged AS (
    DELETE FROM "MovementDailyByProducer" t
    WHERE t.id IN (SELECT p.id FROM "MovementDailyByProducer" p JOIN touched USING ("producerId", day) FOR UPDATE OF p SKIP LOCKED)
    RETURNING t.*
  )
  INSERT INTO "MovementDailyByProducer" ("producerId", "day", "inUnits", "fulfilledUnits", "writtenOffUnits", "movements")
  SELECT "producerId", day, SUM("inUnits"), SUM("fulfilledUnits"), SUM("writtenOffUnits"), SUM(movements)
  FROM merged GROUP BY 1, 2;
  RETURN NULL;
END
$$;
