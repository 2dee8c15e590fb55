-- A location that starts or stops selling changes what its lots' products have available: their
-- summaries are recomputed under their locks (in id order, like every stock path).
CREATE OR REPLACE FUNCTION stock_summary_on_location() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_ids uuid[];
BEGIN
  SELECT array_agg(DISTINCT "productId" ORDER BY "productId") INTO v_ids FROM "Lot" WHERE "locationId" = NEW.id;
  IF v_ids IS NOT NULL THEN
    PERFORM stock_lock_products(v_ids);
    PERFORM stock_summary_recompute(v_ids, '-infinity');
  END IF;
  RETURN NULL;
END
$$;
