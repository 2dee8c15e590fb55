-- Every path that changes a product's lots or holds first locks the product rows, in id order.
-- One lock order means no deadlocks, whatever order a basket lists its lines in.
-- NO KEY UPDATE does not block inserts of rows that reference the product.
CREATE OR REPLACE FUNCTION stock_lock_products(p_product_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT NULL::void FROM (SELECT id FROM "Product" WHERE id = ANY(p_product_ids) ORDER BY id FOR NO KEY UPDATE) locked;
$$;
