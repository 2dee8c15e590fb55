-- Rule: FEFO, the one order in which stock leaves: earliest expiry first (no expiry last), then
-- earliest received, then id. Every lot of these products, ranked per product in that order, with
-- its free units (on hand - reserved) and whether it can be sold today. Holds (one by one and
-- set-wise), fulfilment's replacement of expired lots and the admin's lot list all use this rank.
CREATE OR REPLACE FUNCTION stock_fefo_lots(p_product_ids uuid[], p_today date)
RETURNS TABLE (lot_id uuid, product_id uuid, expiry_date date, free integer, is_sellable boolean, fefo_rank bigint)
LANGUAGE sql STABLE AS $$
  SELECT l.id, l."productId", l."expiryDate", l."onHand" - l.reserved,
         stock_is_lot_sellable(loc."isSellable", l."expiryDate", p_today),
         row_number() OVER (PARTITION BY l."productId" ORDER BY l."expiryDate" ASC NULLS LAST, l."receivedAt" ASC, l.id ASC)
  FROM "Lot" l JOIN "Location" loc ON loc.id = l."locationId"
  WHERE l."productId" = ANY(p_product_ids);
$$;
