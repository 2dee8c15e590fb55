-- Expires every HELD hold of these products whose time has passed (the caller holds the locks).
CREATE OR REPLACE FUNCTION stock_expire_due_holds(p_product_ids uuid[], p_now timestamp, p_reason text)
RETURNS integer LANGUAGE sql AS $$
  SELECT stock_end_holds(
    ARRAY(SELECT id FROM "Hold" WHERE "productId" = ANY(p_product_ids) AND status = 'HELD' AND "expiresAt" <= p_now),
    'EXPIRED', p_reason, p_now);
$$;
