-- Adds a lot's row (p_sign +1) or takes it away (-1) from its product's summary, for the
-- summary's own day. The day is read before the update: only stock_summary_recompute changes it,
-- under the product's lock, which every path that changes a lot already holds. The sums are
-- deltas (x = x + d), so concurrent transactions never lose one another's change under READ
-- COMMITTED. A lot that gains stock can only bring "validUntil" forward.
CREATE OR REPLACE FUNCTION stock_summary_add_lot(p_lot "Lot", p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_day date;
  v_sellable boolean;
  v_counts record;
BEGIN
  SELECT ps."asOfDay", loc."isSellable" INTO v_day, v_sellable
  FROM "ProductStock" ps, "Location" loc WHERE ps."productId" = p_lot."productId" AND loc.id = p_lot."locationId";
  v_counts := stock_summary_lot_counts(v_sellable, p_lot."expiryDate", p_lot."onHand", p_lot.reserved, v_day);
  UPDATE "ProductStock" SET
    "onHand" = "onHand" + p_sign * p_lot."onHand",
    reserved = reserved + p_sign * p_lot.reserved,
    "valueCents" = "valueCents" + p_sign * p_lot."onHand"::bigint * p_lot."unitCostCents",
    available = available + p_sign * v_counts.available,
    "expiredLots" = "expiredLots" + p_sign * v_counts.expired,
    "expiringLots" = "expiringLots" + p_sign * v_counts.expiring,
    "validUntil" = CASE WHEN p_sign > 0 AND p_lot."onHand" > 0 THEN LEAST("validUntil", stock_summary_next_change(p_lot."expiryDate", v_day)) ELSE "validUntil" END
  WHERE "productId" = p_lot."productId";
END
$$;
