-- Before a read for p_day: recompute the product summaries (of one producer, or all) whose
-- day-dependent numbers do not hold on p_day: a lot of theirs expired or entered its last 30 days
-- since they were computed ("validUntil" <= p_day), or they were computed for a later day (a
-- clock set back). Nothing to do costs two index probes. Also run daily by the expiry job.
CREATE OR REPLACE FUNCTION stock_summary_refresh(p_day date, p_producer_id uuid)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_ids uuid[];
BEGIN
  SELECT array_agg("productId" ORDER BY "productId") INTO v_ids FROM "ProductStock"
  WHERE ("validUntil" <= p_day OR "asOfDay" > p_day) AND (p_producer_id IS NULL OR "producerId" = p_producer_id);
  IF v_ids IS NULL THEN
    RETURN 0;
  END IF;
  PERFORM stock_lock_products(v_ids);
  -- A new statement, so a new snapshot: every change to these lots committed before the locks is seen.
  RETURN stock_summary_recompute(v_ids, p_day);
END
$$;
