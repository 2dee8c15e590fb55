-- Metric rule (fifoComplianceRate, docs/METRICS.md): a line's lots are FEFO-optimal at this moment
-- when no other sellable lot of the product with free units expires strictly earlier than the
-- latest-expiring lot the line takes (a lot without expiry is the latest of all).
CREATE OR REPLACE FUNCTION stock_is_fefo_optimal(p_product_id uuid, p_lot_ids uuid[], p_today date)
RETURNS boolean LANGUAGE sql STABLE AS $$
  WITH taken AS (
    SELECT CASE WHEN bool_or(l."expiryDate" IS NULL) THEN 'infinity'::date ELSE max(l."expiryDate") END AS latest
    FROM "Lot" l WHERE l.id = ANY(p_lot_ids)
  )
  SELECT NOT EXISTS (
    SELECT 1 FROM stock_fefo_lots(ARRAY[p_product_id], p_today) f, taken
    WHERE f.is_sellable AND f.free > 0 AND NOT (f.lot_id = ANY(p_lot_ids))
      AND COALESCE(f.expiry_date, 'infinity'::date) < taken.latest
  );
$$;
