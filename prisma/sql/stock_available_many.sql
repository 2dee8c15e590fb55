-- Rule: availability, what a customer can take now, per product: the free units of lots that can
-- be sold today, plus the units of holds whose time has passed but that no worker has released
-- yet (after expiresAt a hold never blocks anyone). Untracked products are unlimited: callers read
-- track_inventory. Correlated subqueries per product rather than a call per product (an aggregate
-- keeps SQL functions from being inlined); unknown ids are left out.
CREATE OR REPLACE FUNCTION stock_available_many(p_product_ids uuid[], p_now timestamp, p_today date)
RETURNS TABLE (product_id uuid, track_inventory boolean, available integer) LANGUAGE sql STABLE AS $$
  SELECT p.id, p."trackInventory",
    (COALESCE((SELECT SUM(l."onHand" - l.reserved)
               FROM "Lot" l JOIN "Location" loc ON loc.id = l."locationId"
               WHERE l."productId" = p.id AND stock_is_lot_sellable(loc."isSellable", l."expiryDate", p_today)), 0)
     + COALESCE((SELECT SUM(a.quantity)
                 FROM "Hold" h
                 JOIN "HoldAllocation" a ON a."holdId" = h.id
                 JOIN "Lot" l ON l.id = a."lotId"
                 JOIN "Location" loc ON loc.id = l."locationId"
                 WHERE h."productId" = p.id AND h.status = 'HELD' AND h."expiresAt" <= p_now
                   AND stock_is_lot_sellable(loc."isSellable", l."expiryDate", p_today)), 0))::integer
  FROM "Product" p
  WHERE p.id = ANY(p_product_ids);
$$;
