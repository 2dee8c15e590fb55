-- Webhooks: stock.updated, one event per movement, from the rows one INSERT statement added to the
-- ledger (the lot's update and its movement are one statement, so the lots are already changed).
-- Product totals before/after each row are the totals now minus the changes of that row's later
-- neighbours of the same product. Available changes with on hand only for a sellable lot, and not
-- for FULFILMENT (those units were reserved: they leave on hand and reserved together).
CREATE OR REPLACE FUNCTION webhook_on_movements()
RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp := now() AT TIME ZONE 'UTC';
BEGIN
  IF NOT webhook_is_wanted('stock.updated') THEN
    RETURN NULL;
  END IF;
  PERFORM webhook_record_event(m."producerId", 'stock.updated', m."productId"::text, jsonb_build_object(
      'productId', m."productId", 'sku', m.sku, 'lotId', m."lotId", 'lotNumber', m."lotNumber", 'locationId', m."locationId",
      'movementId', m.id::text, 'movementType', m.type, 'quantity', m.quantity, 'reason', m.reason,
      'lot', jsonb_build_object('previousOnHand', m."previousOnHand", 'newOnHand', m."newOnHand"),
      'product', jsonb_build_object(
        'previousOnHand', m.total_on_hand - m.later_on_hand, 'newOnHand', m.total_on_hand - m.later_on_hand + m.quantity,
        'previousAvailable', CASE WHEN m."trackInventory" THEN m.total_available - m.later_available END,
        'newAvailable', CASE WHEN m."trackInventory" THEN m.total_available - m.later_available + m.available_change END)))
  FROM (
    SELECT n.*, p.sku, p."trackInventory", l."lotNumber", l."locationId", t.on_hand AS total_on_hand, a.available AS total_available,
           c.available_change,
           SUM(n.quantity) OVER later AS later_on_hand,
           SUM(c.available_change) OVER later AS later_available
    FROM new_rows n
    JOIN "Lot" l ON l.id = n."lotId"
    JOIN "Location" loc ON loc.id = l."locationId"
    JOIN "Product" p ON p.id = n."productId"
    CROSS JOIN LATERAL (SELECT CASE WHEN n.type <> 'FULFILMENT' AND stock_is_lot_sellable(loc."isSellable", l."expiryDate", v_now::date)
                                    THEN n.quantity ELSE 0 END AS available_change) c
    JOIN (SELECT "productId", SUM("onHand")::int AS on_hand FROM "Lot"
          WHERE "productId" IN (SELECT "productId" FROM new_rows) GROUP BY "productId") t ON t."productId" = n."productId"
    LEFT JOIN stock_available_many(ARRAY(SELECT DISTINCT "productId" FROM new_rows), v_now, v_now::date) a ON a.product_id = n."productId"
    WINDOW later AS (PARTITION BY n."productId" ORDER BY n.id DESC ROWS UNBOUNDED PRECEDING)
  ) m
  ORDER BY m.id;
  RETURN NULL;
END
$$;
