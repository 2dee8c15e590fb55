-- Keeps "MovementDaily" (the ledger summed per product, UTC day, type and write-off reason) equal to
-- "Movement": each INSERT statement's rows, grouped, are added to their day's row as deltas
-- (ON CONFLICT ... SET x = x + EXCLUDED.x), so concurrent transactions stay exact under READ
-- COMMITTED; rows are upserted in key order, so two statements never lock them in opposite orders.
-- The ledger is append-only (Movement_append_only): inserts are its only change. FULFILMENT revenue is
-- the units x the unit price of the order line they fulfilled (profitability reads no Movement row).
-- SECURITY DEFINER: the app role may only read the table; nothing but this trigger writes it.
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
  RETURN NULL;
END
$$;
