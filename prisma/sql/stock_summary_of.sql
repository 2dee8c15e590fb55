-- Rule: a product's summary, from its lots, as of p_day: on hand, reserved and value over all its
-- lots; available = free units of the lots it can sell that day (stock_is_lot_sellable); lots with
-- stock expired by then, and expiring within 30 days after it; the first day after p_day any of
-- that changes (stock_summary_next_change). What "ProductStock" must equal: stock_summary_recompute
-- writes it, inventory:validate compares with it.
CREATE OR REPLACE FUNCTION stock_summary_of(p_product_ids uuid[], p_day date)
RETURNS TABLE (product_id uuid, producer_id uuid, track_inventory boolean, min_stock_level integer, on_hand integer, reserved integer,
  value_cents bigint, available integer, expired_lots integer, expiring_lots integer, valid_until date)
LANGUAGE sql STABLE AS $$
  SELECT p.id, p."producerId", p."trackInventory", p."minStockLevel",
    COALESCE(SUM(l."onHand"), 0)::int,
    COALESCE(SUM(l.reserved), 0)::int,
    COALESCE(SUM(l."onHand"::bigint * l."unitCostCents"), 0)::bigint,
    COALESCE(SUM(l."onHand" - l.reserved) FILTER (WHERE stock_is_lot_sellable(loc."isSellable", l."expiryDate", p_day)), 0)::int,
    COUNT(*) FILTER (WHERE l."onHand" > 0 AND l."expiryDate" <= p_day)::int,
    COUNT(*) FILTER (WHERE l."onHand" > 0 AND l."expiryDate" > p_day AND l."expiryDate" <= p_day + 30)::int,
    MIN(stock_summary_next_change(l."expiryDate", p_day)) FILTER (WHERE l."onHand" > 0)
  FROM "Product" p
  LEFT JOIN "Lot" l ON l."productId" = p.id
  LEFT JOIN "Location" loc ON loc.id = l."locationId"
  WHERE p.id = ANY(p_product_ids)
  GROUP BY p.id;
$$;
