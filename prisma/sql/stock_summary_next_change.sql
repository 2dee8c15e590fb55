-- Rule: the first day after p_day on which a lot with stock that expires on p_expiry changes its
-- product's summary: the day it enters its last 30 days (expiring), else the day it expires (no
-- longer sellable, expired); NULL when neither lies ahead. A summary row computed for a day holds
-- until the earliest of these over its lots ("ProductStock"."validUntil").
CREATE OR REPLACE FUNCTION stock_summary_next_change(p_expiry date, p_day date)
RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p_expiry - 30 > p_day THEN p_expiry - 30 WHEN p_expiry > p_day THEN p_expiry END;
$$;
