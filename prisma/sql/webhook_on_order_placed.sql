-- Webhooks: order.created when an order's PLACED timeline entry is written (placeOrder writes it
-- after the order's lines, in the same transaction), so the payload carries the lines.
CREATE OR REPLACE FUNCTION webhook_on_order_placed()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF webhook_is_wanted('order.created') THEN
    PERFORM webhook_record_event(o."producerId", 'order.created', o.id::text, jsonb_build_object(
        'orderId', o.id, 'reference', o.reference, 'status', o.status, 'fulfilment', o.fulfilment,
        'totalCents', (SELECT COALESCE(SUM(quantity * "unitPriceCents"), 0) FROM "OrderLine" WHERE "orderId" = o.id),
        'lines', (SELECT COALESCE(jsonb_agg(jsonb_build_object('productId', ol."productId", 'quantity', ol.quantity,
                                                               'unitPriceCents', ol."unitPriceCents") ORDER BY ol.id), '[]'::jsonb)
                  FROM "OrderLine" ol WHERE ol."orderId" = o.id)))
    FROM "Order" o WHERE o.id = NEW."orderId";
  END IF;
  RETURN NULL;
END
$$;
