-- Rule: what one lot adds to its product's summary on p_day: its free units when it can be sold
-- that day (stock_is_lot_sellable), 1 expired lot when it has stock and has expired by then, 1
-- expiring lot when it has stock and expires within the 30 days after. stock_summary_of sums
-- these over a product's lots; the Lot triggers add a changed lot's difference.
CREATE OR REPLACE FUNCTION stock_summary_lot_counts(p_is_sellable boolean, p_expiry date, p_on_hand integer, p_reserved integer, p_day date,
  OUT available integer, OUT expired integer, OUT expiring integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN stock_is_lot_sellable(p_is_sellable, p_expiry, p_day) THEN p_on_hand - p_reserved ELSE 0 END,
    CASE WHEN p_on_hand > 0 AND p_expiry <= p_day THEN 1 ELSE 0 END,
    CASE WHEN p_on_hand > 0 AND p_expiry > p_day AND p_expiry <= p_day + 30 THEN 1 ELSE 0 END;
$$;
