-- Webhooks: order.created (at commit, when the order's lines exist: a deferred trigger) and
-- order.status_changed (each status change, from and to).
CREATE OR REPLACE FUNCTION webhook_on_order()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF webhook_is_wanted('order.created') THEN
      PERFORM webhook_record_event(o."producerId", 'order.created', o.id::text, jsonb_build_object(
          'orderId', o.id, 'reference', o.reference, 'status', o.status, 'fulfilment', o.fulfilment,
          'totalCents', (SELECT COALESCE(SUM(quantity * "unitPriceCents"), 0) FROM "OrderLine" WHERE "orderId" = o.id),
          'lines', (SELECT COALESCE(jsonb_agg(jsonb_build_object('productId', ol."productId", 'quantity', ol.quantity,
                                                                 'unitPriceCents', ol."unitPriceCents") ORDER BY ol.id), '[]'::jsonb)
                    FROM "OrderLine" ol WHERE ol."orderId" = o.id)))
      FROM "Order" o WHERE o.id = NEW.id;
    END IF;
  ELSIF webhook_is_wanted('order.status_changed') THEN
    PERFORM webhook_record_event(NEW."producerId", 'order.status_changed', NEW.id::text, jsonb_build_object(
        'orderId', NEW.id, 'reference', NEW.reference, 'from', OLD.status, 'to', NEW.status, 'cancelReason', NEW."cancelReason"));
  END IF;
  RETURN NULL;
END
$$;
