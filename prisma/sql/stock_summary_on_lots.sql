-- Keeps "ProductStock" equal to the sums of the lots, in the statement that changes them: the
-- rows a statement inserted, deleted or changed (on hand, reserved, cost, location or expiry; the
-- daily expiry band is not a stock change) go to stock_summary_apply once per statement.
CREATE OR REPLACE FUNCTION stock_summary_on_lots() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_products uuid[]; v_locations uuid[]; v_expiries date[]; v_on_hand integer[]; v_reserved integer[]; v_costs integer[]; v_signs integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg("productId"), array_agg("locationId"), array_agg("expiryDate"), array_agg("onHand"), array_agg(reserved),
      array_agg("unitCostCents"), array_agg(1)
    INTO v_products, v_locations, v_expiries, v_on_hand, v_reserved, v_costs, v_signs FROM new_lots;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg("productId"), array_agg("locationId"), array_agg("expiryDate"), array_agg("onHand"), array_agg(reserved),
      array_agg("unitCostCents"), array_agg(-1)
    INTO v_products, v_locations, v_expiries, v_on_hand, v_reserved, v_costs, v_signs FROM old_lots;
  ELSE
    SELECT array_agg(c."productId"), array_agg(c."locationId"), array_agg(c."expiryDate"), array_agg(c."onHand"), array_agg(c.reserved),
      array_agg(c."unitCostCents"), array_agg(c.sign)
    INTO v_products, v_locations, v_expiries, v_on_hand, v_reserved, v_costs, v_signs
    FROM new_lots n JOIN old_lots o ON o.id = n.id
    CROSS JOIN LATERAL (VALUES
      (n."productId", n."locationId", n."expiryDate", n."onHand", n.reserved, n."unitCostCents", 1),
      (o."productId", o."locationId", o."expiryDate", o."onHand", o.reserved, o."unitCostCents", -1)
    ) AS c("productId", "locationId", "expiryDate", "onHand", reserved, "unitCostCents", sign)
    WHERE (n."productId", n."locationId", n."expiryDate", n."onHand", n.reserved, n."unitCostCents")
      IS DISTINCT FROM (o."productId", o."locationId", o."expiryDate", o."onHand", o.reserved, o."unitCostCents");
  END IF;
  IF v_products IS NOT NULL THEN
    PERFORM stock_summary_apply(v_products, v_locations, v_expiries, v_on_hand, v_reserved, v_costs, v_signs);
  END IF;
  RETURN NULL;
END
$$;
