-- Ends specific holds (the worker's job at expiresAt, a customer's release) under the product locks.
-- p_only_due: only holds whose expiresAt has passed (the expiry job: refreshed holds survive).
CREATE OR REPLACE FUNCTION stock_end_cart_holds(p_hold_ids uuid[], p_status "HoldStatus", p_reason text, p_now timestamp, p_only_due boolean)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stock_lock_products(ARRAY(SELECT DISTINCT "productId" FROM "Hold" WHERE id = ANY(p_hold_ids) AND status = 'HELD'));
  RETURN stock_end_holds(
    ARRAY(SELECT id FROM "Hold" WHERE id = ANY(p_hold_ids) AND status = 'HELD' AND (NOT p_only_due OR "expiresAt" <= p_now)),
    p_status, p_reason, p_now);
END $$;
