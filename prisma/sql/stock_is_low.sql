-- Rule: a tracked product is low on stock while what customers can take now is below its minimum
-- level (a minimum of 0 never alerts). The alert check, the signal that enqueues it, the
-- dashboard, the inventory list and the reports all ask this.
CREATE OR REPLACE FUNCTION stock_is_low(p_available integer, p_minimum integer)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT p_available < p_minimum;
$$;
