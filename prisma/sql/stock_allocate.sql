-- Reserves p_quantity of one product from its sellable lots in FEFO order (stock_fefo_lots) and
-- returns [{lotId, quantity, expiryDate}], or NULL when short (the caller rolls back). The caller
-- holds the product lock; the conditional update re-proves there is room all the same.
CREATE OR REPLACE FUNCTION stock_allocate(p_product_id uuid, p_quantity integer, p_today date)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  lot record;
  remaining integer := p_quantity;
  take integer;
  allocations jsonb := '[]'::jsonb;
BEGIN
  FOR lot IN
    SELECT f.lot_id, f.free, f.expiry_date
    FROM stock_fefo_lots(ARRAY[p_product_id], p_today) f
    WHERE f.is_sellable AND f.free > 0
    ORDER BY f.fefo_rank
  LOOP
    EXIT WHEN remaining = 0;
    take := LEAST(remaining, lot.free);
    UPDATE "Lot" SET reserved = reserved + take WHERE id = lot.lot_id AND "onHand" - reserved >= take;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'lot % changed while its product was locked', lot.lot_id;
    END IF;
    allocations := allocations || jsonb_build_object('lotId', lot.lot_id, 'quantity', take, 'expiryDate', lot.expiry_date);
    remaining := remaining - take;
  END LOOP;
  IF remaining > 0 THEN
    RETURN NULL;
  END IF;
  RETURN allocations;
END $$;
