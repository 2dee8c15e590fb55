-- Rule: a product's inventory status, the most urgent one first: untracked products are always in
-- stock; then a lot with stock past its expiry, nothing available, below the minimum level
-- (stock_is_low), a lot with stock expiring within 30 days. The product summary stores it
-- (stock_summary_set_status) so the admin's lists filter and count on an index.
CREATE OR REPLACE FUNCTION stock_summary_status(p_track_inventory boolean, p_available integer, p_minimum integer, p_expired_lots integer, p_expiring_lots integer)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN NOT p_track_inventory THEN 'in_stock'
    WHEN p_expired_lots > 0 THEN 'expired'
    WHEN p_available <= 0 THEN 'out'
    WHEN stock_is_low(p_available, p_minimum) THEN 'low'
    WHEN p_expiring_lots > 0 THEN 'expiring'
    ELSE 'in_stock'
  END;
$$;
