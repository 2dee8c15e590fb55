-- Webhooks: order.status_changed, each real change of an order's status (from, to, the reason
-- when cancelled). order.created comes from webhook_on_order_placed.
CREATE OR REPLACE FUNCTION webhook_on_order()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF webhook_is_wanted('order.status_changed') THEN
    PERFORM webhook_record_event(NEW."producerId", 'order.status_changed', NEW.id::text, jsonb_build_object(
        'orderId', NEW.id, 'reference', NEW.reference, 'from', OLD.status, 'to', NEW.status, 'cancelReason', NEW."cancelReason"));
  END IF;
  RETURN NULL;
END
$$;
