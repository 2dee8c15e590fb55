-- The one-transaction hold path: locks the cart's products (stock_lock_products), ends their
-- lapsed holds (any cart), so a lapsed hold never blocks anyone, then sets the cart's holds
-- (stock_hold_cart_lines), all or nothing.
-- Returns {ok: true, holds: [...], lowCheck: [...]} or {ok: false, short: [...], unknown: [...], overLimit: [...]}.
CREATE OR REPLACE FUNCTION stock_reserve_cart(p_cart text, p_lines jsonb, p_now timestamp, p_today date, p_expires_at timestamp,
                                              p_max_per_product integer)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  product_ids uuid[];
  outcome jsonb;
BEGIN
  SELECT ARRAY(
    SELECT (l->>'productId')::uuid FROM jsonb_array_elements(p_lines) l
    UNION SELECT "productId" FROM "Hold" WHERE "cartId" = p_cart AND status = 'HELD'
  ) INTO product_ids;
  PERFORM stock_lock_products(product_ids);
  PERFORM stock_expire_due_holds(product_ids, p_now, 'expired: released when another hold needed the stock');
  outcome := stock_hold_cart_lines(p_cart, p_lines, p_now, p_today, p_expires_at, p_max_per_product);
  IF NOT (outcome->>'ok')::boolean THEN
    RETURN outcome;
  END IF;
  RETURN outcome || jsonb_build_object('lowCheck', to_jsonb(stock_needs_low_check(product_ids, p_now, p_today)));
END $$;
