-- Rule: a hold ends at the time asked for (now + the hold TTL), but no later than the start of
-- the expiry day of the earliest lot it holds, so a live hold never contains an expired lot.
-- p_earliest_lot_expiry is NULL when no held lot has an expiry date.
CREATE OR REPLACE FUNCTION stock_hold_end(p_requested_end timestamp, p_earliest_lot_expiry date)
RETURNS timestamp LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT LEAST(p_requested_end, p_earliest_lot_expiry::timestamp);
$$;
