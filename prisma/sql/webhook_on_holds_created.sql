-- Webhooks: hold.created for the holds one INSERT statement added. Holds are the hot path
-- (thousands a second): nobody listening costs one EXISTS per statement (webhook_is_wanted).
CREATE OR REPLACE FUNCTION webhook_on_holds_created()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT webhook_is_wanted('hold.created') THEN
    RETURN NULL;
  END IF;
  PERFORM webhook_record_event(p."producerId", 'hold.created', h.id::text, jsonb_build_object(
      'holdId', h.id, 'productId', h."productId", 'sku', p.sku, 'quantity', h.quantity,
      'expiresAt', to_char(h."expiresAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
  FROM new_rows h JOIN "Product" p ON p.id = h."productId"
  ORDER BY h.id;
  RETURN NULL;
END
$$;
