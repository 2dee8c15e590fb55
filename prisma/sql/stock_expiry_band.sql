-- Rule: the expiry band of a lot today: EXPIRED on and after its expiry day, then within 7, 30
-- and 90 days; NULL for no expiry date or more than 90 days away. The daily marking job, the
-- expiry & waste report and the inventory report all band lots with this.
CREATE OR REPLACE FUNCTION stock_expiry_band(p_expiry_date date, p_today date)
RETURNS "ExpiryBand" LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN p_expiry_date IS NULL OR p_expiry_date > p_today + 90 THEN NULL
    WHEN p_expiry_date <= p_today THEN 'EXPIRED'::"ExpiryBand"
    WHEN p_expiry_date <= p_today + 7 THEN 'DAYS_7'::"ExpiryBand"
    WHEN p_expiry_date <= p_today + 30 THEN 'DAYS_30'::"ExpiryBand"
    ELSE 'DAYS_90'::"ExpiryBand"
  END;
$$;
