-- One rule for "units a customer can take now", written once and set-wise. The two previous
-- migrations had copied its sum (sellable locations, lots not expired) into stock_needs_low_check
-- and stock_available_now_many; now every availability function is built on stock_available_many.

-- Free units of sellable, unexpired lots, per product (each id once).
CREATE FUNCTION stock_available_many(p_product_ids uuid[], p_today date)
RETURNS TABLE (product_id uuid, available integer) LANGUAGE sql STABLE AS $$
  SELECT ids.id,
         COALESCE((SELECT SUM(l."onHand" - l.reserved)
                   FROM "Lot" l JOIN "Location" loc ON loc.id = l."locationId"
                   WHERE l."productId" = ids.id AND loc."isSellable" AND (l."expiryDate" IS NULL OR l."expiryDate" > p_today)), 0)::integer
  FROM (SELECT DISTINCT unnest(p_product_ids)) AS ids(id);
$$;

CREATE OR REPLACE FUNCTION stock_available(p_product_id uuid, p_today date) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT available FROM stock_available_many(ARRAY[p_product_id], p_today);
$$;

-- Plus the units of holds whose time has passed but that no worker has released yet.
CREATE OR REPLACE FUNCTION stock_available_now_many(p_product_ids uuid[], p_now timestamp, p_today date)
RETURNS TABLE (product_id uuid, track_inventory boolean, available integer) LANGUAGE sql STABLE AS $$
  SELECT p.id, p."trackInventory",
    (a.available + COALESCE((SELECT SUM(al.quantity)
                             FROM "Hold" h
                             JOIN "HoldAllocation" al ON al."holdId" = h.id
                             JOIN "Lot" l ON l.id = al."lotId"
                             JOIN "Location" loc ON loc.id = l."locationId"
                             WHERE h."productId" = p.id AND h.status = 'HELD' AND h."expiresAt" <= p_now
                               AND loc."isSellable" AND (l."expiryDate" IS NULL OR l."expiryDate" > p_today)), 0))::integer
  FROM stock_available_many(p_product_ids, p_today) a JOIN "Product" p ON p.id = a.product_id
  -- Repeated so the planner reads the products by key (without it, it scanned the whole table).
  WHERE p.id = ANY(p_product_ids);
$$;

CREATE OR REPLACE FUNCTION stock_available_now(p_product_id uuid, p_now timestamp, p_today date) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT COALESCE((SELECT available FROM stock_available_now_many(ARRAY[p_product_id], p_now, p_today)), 0);
$$;

-- The sum is still skipped for products without a minimum (availability is never negative).
CREATE OR REPLACE FUNCTION stock_needs_low_check(p_product_ids uuid[], p_today date) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT COALESCE(array_agg(p.id ORDER BY p.id), '{}')
  FROM "Product" p
  WHERE p.id = ANY(p_product_ids) AND p."trackInventory"
    AND (p."lowStockNotifiedAt" IS NOT NULL
         OR (p."minStockLevel" > 0 AND p."minStockLevel" > (SELECT a.available FROM stock_available_many(ARRAY[p.id], p_today) a)));
$$;
