-- Rule: a lot's units can be sold today when its location is sellable and it has not expired
-- (no expiry date, or expiry after today: on its expiry day a lot is already expired).
-- Every availability, allocation and "stale hold" test calls this; nothing else writes it.
CREATE OR REPLACE FUNCTION stock_is_lot_sellable(p_location_is_sellable boolean, p_expiry_date date, p_today date)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT p_location_is_sellable AND (p_expiry_date IS NULL OR p_expiry_date > p_today);
$$;
