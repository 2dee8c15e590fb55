-- Ends holds (the caller holds the product locks) and returns their units to the lots.
-- Most calls on the hold path have nothing to end: an empty list returns at once.
CREATE OR REPLACE FUNCTION stock_end_holds(p_hold_ids uuid[], p_status "HoldStatus", p_reason text, p_now timestamp)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE ended integer;
BEGIN
  IF cardinality(p_hold_ids) IS NULL OR cardinality(p_hold_ids) = 0 THEN
    RETURN 0;
  END IF;
  WITH ended_holds AS (
    UPDATE "Hold" SET status = p_status, "statusReason" = p_reason, "updatedAt" = p_now
    WHERE id = ANY(p_hold_ids) AND status = 'HELD'
    RETURNING id
  ), freed AS (
    SELECT a."lotId", SUM(a.quantity) AS quantity
    FROM "HoldAllocation" a JOIN ended_holds e ON e.id = a."holdId"
    GROUP BY a."lotId"
  ), returned AS (
    UPDATE "Lot" l SET reserved = l.reserved - f.quantity FROM freed f WHERE l.id = f."lotId" RETURNING 1
  )
  SELECT COUNT(*) INTO ended FROM ended_holds;
  RETURN ended;
END $$;
