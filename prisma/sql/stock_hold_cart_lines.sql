-- The hold work for one cart, under locks the caller holds, after the caller ended lapsed holds of
-- these products: sets the cart's holds to p_lines ([{productId, quantity}], one per product).
-- Live holds with the same quantity and only sellable lots are refreshed in place, others are
-- replaced, products no longer in the cart are released; new holds allocate FEFO (stock_allocate).
-- A line above its product's limit (stock_cart_limit with p_max_per_product) is named in
-- overLimit ({productId, requested, max}); an archived product (no longer sold) in archived.
-- Returns {ok: true, holds: [...]} or {ok: false, short: [...], unknown: [...], overLimit: [...], archived: [...]}; on
-- a false outcome the caller rolls back what this call changed.
CREATE OR REPLACE FUNCTION stock_hold_cart_lines(p_cart text, p_lines jsonb, p_now timestamp, p_today date, p_expires_at timestamp,
                                                 p_max_per_product integer)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  line record;
  existing record;
  product record;
  allocations jsonb;
  available integer;
  hold_id uuid;
  hold_expires timestamp;
  holds jsonb := '[]'::jsonb;
  short jsonb := '[]'::jsonb;
  unknown jsonb := '[]'::jsonb;
  over_limit jsonb := '[]'::jsonb;
  archived jsonb := '[]'::jsonb;
BEGIN
  PERFORM stock_end_holds(
    ARRAY(SELECT h.id FROM "Hold" h WHERE h."cartId" = p_cart AND h.status = 'HELD'
          AND h."productId" NOT IN (SELECT (l->>'productId')::uuid FROM jsonb_array_elements(p_lines) l)),
    'RELEASED', 'removed from cart', p_now);

  FOR line IN
    SELECT (l->>'productId')::uuid AS product_id, (l->>'quantity')::integer AS quantity
    FROM jsonb_array_elements(p_lines) l ORDER BY 1
  LOOP
    SELECT id, "trackInventory", stock_cart_limit("maxPerCart", p_max_per_product) AS max_per_cart,
           "archivedAt" IS NOT NULL AS is_archived INTO product FROM "Product" WHERE id = line.product_id;
    IF NOT FOUND THEN
      unknown := unknown || to_jsonb(line.product_id);
      CONTINUE;
    END IF;
    IF product.is_archived THEN
      archived := archived || to_jsonb(line.product_id);
      CONTINUE;
    END IF;
    IF line.quantity > product.max_per_cart THEN
      over_limit := over_limit || jsonb_build_object('productId', line.product_id, 'requested', line.quantity, 'max', product.max_per_cart);
      CONTINUE;
    END IF;

    SELECT h.id, h.quantity,
           EXISTS (SELECT 1 FROM "HoldAllocation" a JOIN "Lot" l ON l.id = a."lotId" JOIN "Location" loc ON loc.id = l."locationId"
                   WHERE a."holdId" = h.id AND NOT stock_is_lot_sellable(loc."isSellable", l."expiryDate", p_today)) AS is_stale
      INTO existing
      FROM "Hold" h WHERE h."cartId" = p_cart AND h."productId" = line.product_id AND h.status = 'HELD';

    IF FOUND AND existing.quantity = line.quantity AND NOT existing.is_stale THEN
      SELECT stock_hold_end(p_expires_at, MIN(l."expiryDate")) INTO hold_expires
        FROM "HoldAllocation" a JOIN "Lot" l ON l.id = a."lotId" WHERE a."holdId" = existing.id;
      UPDATE "Hold" SET "expiresAt" = hold_expires, "updatedAt" = p_now WHERE id = existing.id;
      holds := holds || jsonb_build_object('holdId', existing.id, 'productId', line.product_id, 'quantity', line.quantity, 'expiresAt', hold_expires);
      CONTINUE;
    END IF;
    IF FOUND THEN
      PERFORM stock_end_holds(ARRAY[existing.id], 'RELEASED', 'replaced by a new hold for the same product', p_now);
    END IF;

    allocations := '[]'::jsonb;
    IF product."trackInventory" THEN
      SELECT a.available INTO available FROM stock_available_many(ARRAY[line.product_id], p_now, p_today) a;
      IF available < line.quantity THEN
        short := short || jsonb_build_object('productId', line.product_id, 'requested', line.quantity, 'available', available);
        CONTINUE;
      END IF;
      allocations := stock_allocate(line.product_id, line.quantity, p_today);
    END IF;

    SELECT stock_hold_end(p_expires_at, MIN((a->>'expiryDate')::date)) INTO hold_expires FROM jsonb_array_elements(allocations) a;
    INSERT INTO "Hold" (id, "cartId", "productId", quantity, status, "expiresAt", "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), p_cart, line.product_id, line.quantity, 'HELD', hold_expires, p_now, p_now)
    RETURNING id INTO hold_id;
    INSERT INTO "HoldAllocation" ("holdId", "lotId", quantity)
    SELECT hold_id, (a->>'lotId')::uuid, (a->>'quantity')::integer FROM jsonb_array_elements(allocations) a;
    holds := holds || jsonb_build_object('holdId', hold_id, 'productId', line.product_id, 'quantity', line.quantity, 'expiresAt', hold_expires);
  END LOOP;

  IF jsonb_array_length(short) > 0 OR jsonb_array_length(unknown) > 0 OR jsonb_array_length(over_limit) > 0 OR jsonb_array_length(archived) > 0 THEN
    RETURN jsonb_build_object('ok', false, 'short', short, 'unknown', unknown, 'overLimit', over_limit, 'archived', archived);
  END IF;
  RETURN jsonb_build_object('ok', true, 'holds', holds);
END $$;
