-- Webhooks from the low-stock alert's life: opened -> stock.low (and stock.out when it opens at
-- zero), reaching zero while open -> stock.out, resolved -> stock.restored. The alert row is what
-- checkLowStock writes in its transaction, so the event commits or rolls back with it.
CREATE OR REPLACE FUNCTION webhook_on_low_stock_alert()
RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_types text[] := '{}';
  v_type text;
  v_sku text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    v_types := ARRAY['stock.low'] || CASE WHEN NEW."reachedZeroAt" IS NOT NULL THEN ARRAY['stock.out'] ELSE '{}'::text[] END;
  ELSIF OLD.status = 'OPEN' AND NEW.status = 'RESOLVED' THEN
    v_types := ARRAY['stock.restored'];
  ELSIF OLD."reachedZeroAt" IS NULL AND NEW."reachedZeroAt" IS NOT NULL THEN
    v_types := ARRAY['stock.out'];
  END IF;
  FOREACH v_type IN ARRAY v_types LOOP
    IF webhook_is_wanted(v_type) THEN
      SELECT sku INTO v_sku FROM "Product" WHERE id = NEW."productId";
      PERFORM webhook_record_event(NEW."producerId", v_type, NEW."productId"::text, jsonb_build_object(
          'productId', NEW."productId", 'sku', v_sku, 'alertId', NEW.id, 'available', NEW.available,
          'minimum', NEW."minimumAtOpen", 'status', NEW.status));
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
