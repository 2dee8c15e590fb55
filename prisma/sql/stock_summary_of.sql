-- Rule: a product's summary, from its lots, as of p_day: on hand, reserved and value over all its
-- lots; what each lot adds to available, expired and expiring lots (stock_summary_lot_counts);
-- the first day after p_day any of that changes (stock_summary_next_change). What "ProductStock"
-- must equal: stock_summary_recompute writes it, inventory:validate compares with it.
CREATE OR REPLACE FUNCTION stock_summary_of(p_product_ids uuid[], p_day date)
RETURNS TABLE (product_id uuid, producer_id uuid, track_inventory boolean, min_stock_level integer, on_hand integer, reserved integer,
  value_cents bigint, available integer, expired_lots integer, expiring_lots integer, valid_until date)
LANGUAGE sql STABLE AS $$
  SELECT p.id, p."producerId", p."trackInventory", p."minStockLevel",
    COALESCE(SUM(l."onHand"), 0)::int,
    COALESCE(SUM(l.reserved), 0)::int,
    COALESCE(SUM(l."onHand"::bigint * l."unitCostCents"), 0)::bigint,
    COALESCE(SUM(c.available), 0)::int,
    COALESCE(SUM(c.expired), 0)::int,
    COALESCE(SUM(c.expiring), 0)::int,
    MIN(stock_summary_next_change(l."expiryDate", p_day)) FILTER (WHERE l."onHand" > 0)
  FROM "Product" p
  LEFT JOIN "Lot" l ON l."productId" = p.id
  LEFT JOIN "Location" loc ON loc.id = l."locationId"
  LEFT JOIN LATERAL stock_summary_lot_counts(loc."isSellable", l."expiryDate", l."onHand", l.reserved, p_day) c ON l.id IS NOT NULL
  WHERE p.id = ANY(p_product_ids)
  GROUP BY p.id;
$$;
