-- Webhooks: hold.expired when a HELD hold ends by time (the trigger's WHEN picks only those rows,
-- so refreshes, releases and consumption never call this).
CREATE OR REPLACE FUNCTION webhook_on_hold_expired()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF webhook_is_wanted('hold.expired') THEN
    PERFORM webhook_record_event(p."producerId", 'hold.expired', NEW.id::text, jsonb_build_object(
        'holdId', NEW.id, 'productId', NEW."productId", 'sku', p.sku, 'quantity', NEW.quantity, 'reason', NEW."statusReason",
        'expiresAt', to_char(NEW."expiresAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
    FROM "Product" p WHERE p.id = NEW."productId";
  END IF;
  RETURN NULL;
END
$$;
