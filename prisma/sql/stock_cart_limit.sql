-- Rule: the most units of one product a cart or order may hold: the product's own maxPerCart, else
-- the shop's default (CART_MAX_PER_PRODUCT, passed in by the caller).
CREATE OR REPLACE FUNCTION stock_cart_limit(p_max_per_cart integer, p_default integer)
RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(p_max_per_cart, p_default);
$$;
