-- Which of these products need a low-stock check after a stock change (usually none): tracked
-- products that are low now (stock_is_low over stock_available_many), or that have an alert open
-- (lowStockNotifiedAt set) that a rise may resolve. Every stock change and the hourly sweep ask
-- this, so a hot product with ample stock never touches the job queue inside its lock.
-- The "minStockLevel > 0" test only skips the sum for products without a minimum (never low).
CREATE OR REPLACE FUNCTION stock_needs_low_check(p_product_ids uuid[], p_now timestamp, p_today date)
RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT COALESCE(array_agg(p.id ORDER BY p.id), '{}')
  FROM "Product" p
  WHERE p.id = ANY(p_product_ids) AND p."trackInventory"
    AND (p."lowStockNotifiedAt" IS NOT NULL
         OR (p."minStockLevel" > 0
             AND stock_is_low((SELECT a.available FROM stock_available_many(ARRAY[p.id], p_now, p_today) a), p."minStockLevel")));
$$;
