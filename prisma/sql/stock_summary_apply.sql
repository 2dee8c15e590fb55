-- Adds changed lots to their products' summaries: each lot row as it is now with sign +1, as it
-- was with sign -1 (parallel arrays, from the Lot triggers' transition tables). Deltas, so
-- concurrent transactions stay exact under READ COMMITTED: each UPDATE adds to the row's latest
-- version. Whether a lot counts as sellable, expired or expiring is decided for the row's
-- "asOfDay", which only stock_summary_recompute changes, under the product's lock, which every
-- path that changes a lot holds too. A lot that gains stock can only bring "validUntil" forward.
-- plpgsql, so the statement's plan is cached per connection (this runs on every hold).
CREATE OR REPLACE FUNCTION stock_summary_apply(p_product_ids uuid[], p_location_ids uuid[], p_expiries date[], p_on_hand integer[],
  p_reserved integer[], p_costs integer[], p_signs integer[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ProductStock" ps SET
    "onHand" = ps."onHand" + d.on_hand,
    reserved = ps.reserved + d.reserved,
    "valueCents" = ps."valueCents" + d.value,
    available = ps.available + d.available,
    "expiredLots" = ps."expiredLots" + d.expired,
    "expiringLots" = ps."expiringLots" + d.expiring,
    "validUntil" = LEAST(ps."validUntil", d.valid_until)
  FROM (
    SELECT u.product_id,
      SUM(u.sign * u.on_hand)::int AS on_hand,
      SUM(u.sign * u.reserved)::int AS reserved,
      SUM(u.sign * u.on_hand::bigint * u.cost)::bigint AS value,
      COALESCE(SUM(u.sign * (u.on_hand - u.reserved)) FILTER (WHERE stock_is_lot_sellable(loc."isSellable", u.expiry, cur."asOfDay")), 0)::int AS available,
      COALESCE(SUM(u.sign) FILTER (WHERE u.on_hand > 0 AND u.expiry <= cur."asOfDay"), 0)::int AS expired,
      COALESCE(SUM(u.sign) FILTER (WHERE u.on_hand > 0 AND u.expiry > cur."asOfDay" AND u.expiry <= cur."asOfDay" + 30), 0)::int AS expiring,
      MIN(stock_summary_next_change(u.expiry, cur."asOfDay")) FILTER (WHERE u.sign = 1 AND u.on_hand > 0) AS valid_until
    FROM unnest(p_product_ids, p_location_ids, p_expiries, p_on_hand, p_reserved, p_costs, p_signs)
      AS u(product_id, location_id, expiry, on_hand, reserved, cost, sign)
    JOIN "Location" loc ON loc.id = u.location_id
    JOIN "ProductStock" cur ON cur."productId" = u.product_id
    GROUP BY u.product_id
  ) d
  WHERE ps."productId" = d.product_id;
END
$$;
