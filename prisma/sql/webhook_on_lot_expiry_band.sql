-- Webhooks: lot.expiring (band DAYS_90 / DAYS_30 / DAYS_7 in the payload) and lot.expired, when
-- the daily expiry job (markLotExpiry, with stock_expiry_band) moves a lot that still has stock
-- into a band.
CREATE OR REPLACE FUNCTION webhook_on_lot_expiry_band()
RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_type text := CASE WHEN NEW."expiryBand" = 'EXPIRED' THEN 'lot.expired' ELSE 'lot.expiring' END;
BEGIN
  IF webhook_is_wanted(v_type) THEN
    PERFORM webhook_record_event(NEW."producerId", v_type, NEW.id::text, jsonb_build_object(
        'lotId', NEW.id, 'lotNumber', NEW."lotNumber", 'productId', NEW."productId", 'sku', p.sku, 'locationId', NEW."locationId",
        'band', NEW."expiryBand", 'expiryDate', to_char(NEW."expiryDate", 'YYYY-MM-DD'), 'onHand', NEW."onHand"))
    FROM "Product" p WHERE p.id = NEW."productId";
  END IF;
  RETURN NULL;
END
$$;
