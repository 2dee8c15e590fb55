-- The hold path tells its caller which products need a low-stock check (usually none), so the
-- check is enqueued only when it can matter: availability below the minimum, or an alert already
-- open (lowStockNotifiedAt set) that a rise may resolve. A hot product with ample stock never
-- touches the job queue inside its lock.

-- Ending holds is a no-op for an empty list (the common case on the hold path): return at once.
CREATE OR REPLACE FUNCTION stock_end_holds(p_hold_ids uuid[], p_status "HoldStatus", p_reason text, p_now timestamp) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE ended integer;
BEGIN
  -- Most calls on the hold path have nothing to end: skip the data-modifying statements entirely.
  IF cardinality(p_hold_ids) IS NULL OR cardinality(p_hold_ids) = 0 THEN
    RETURN 0;
  END IF;
  WITH ended_holds AS (
    UPDATE "Hold" SET status = p_status, "statusReason" = p_reason, "updatedAt" = p_now
    WHERE id = ANY(p_hold_ids) AND status = 'HELD'
    RETURNING id
  ), freed AS (
    SELECT a."lotId", SUM(a.quantity) AS quantity
    FROM "HoldAllocation" a JOIN ended_holds e ON e.id = a."holdId"
    GROUP BY a."lotId"
  ), returned AS (
    UPDATE "Lot" l SET reserved = l.reserved - f.quantity FROM freed f WHERE l.id = f."lotId" RETURNING 1
  )
  SELECT COUNT(*) INTO ended FROM ended_holds;
  RETURN ended;
END $$;

CREATE FUNCTION stock_needs_low_check(p_product_ids uuid[], p_today date) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT COALESCE(array_agg(id ORDER BY id), '{}')
  FROM "Product"
  WHERE id = ANY(p_product_ids) AND "trackInventory"
    AND ("lowStockNotifiedAt" IS NOT NULL OR stock_available(id, p_today) < "minStockLevel");
$$;

CREATE OR REPLACE FUNCTION stock_reserve_cart(p_cart text, p_lines jsonb, p_now timestamp, p_today date, p_expires_at timestamp)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  line record;
  existing record;
  product record;
  product_ids uuid[];
  allocations jsonb;
  available integer;
  hold_id uuid;
  hold_expires timestamp;
  holds jsonb := '[]'::jsonb;
  short jsonb := '[]'::jsonb;
  unknown jsonb := '[]'::jsonb;
BEGIN
  SELECT ARRAY(
    SELECT (l->>'productId')::uuid FROM jsonb_array_elements(p_lines) l
    UNION SELECT "productId" FROM "Hold" WHERE "cartId" = p_cart AND status = 'HELD'
  ) INTO product_ids;
  PERFORM stock_lock_products(product_ids);
  PERFORM stock_expire_due_holds(product_ids, p_now, 'expired: released when another hold needed the stock');

  PERFORM stock_end_holds(
    ARRAY(SELECT h.id FROM "Hold" h WHERE h."cartId" = p_cart AND h.status = 'HELD'
          AND h."productId" NOT IN (SELECT (l->>'productId')::uuid FROM jsonb_array_elements(p_lines) l)),
    'RELEASED', 'removed from cart', p_now);

  FOR line IN
    SELECT (l->>'productId')::uuid AS product_id, (l->>'quantity')::integer AS quantity
    FROM jsonb_array_elements(p_lines) l ORDER BY 1
  LOOP
    SELECT id, "trackInventory" INTO product FROM "Product" WHERE id = line.product_id;
    IF NOT FOUND THEN
      unknown := unknown || to_jsonb(line.product_id);
      CONTINUE;
    END IF;

    SELECT h.id, h.quantity,
           EXISTS (SELECT 1 FROM "HoldAllocation" a JOIN "Lot" l ON l.id = a."lotId" JOIN "Location" loc ON loc.id = l."locationId"
                   WHERE a."holdId" = h.id AND ((l."expiryDate" IS NOT NULL AND l."expiryDate" <= p_today) OR NOT loc."isSellable")) AS is_stale
      INTO existing
      FROM "Hold" h WHERE h."cartId" = p_cart AND h."productId" = line.product_id AND h.status = 'HELD';

    IF FOUND AND existing.quantity = line.quantity AND NOT existing.is_stale THEN
      -- A hold ends no later than the start of its earliest lot's expiry day: a live hold never
      -- contains an expired lot.
      SELECT LEAST(p_expires_at, MIN(l."expiryDate")::timestamp) INTO hold_expires
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
      available := stock_available(line.product_id, p_today);
      IF available < line.quantity THEN
        short := short || jsonb_build_object('productId', line.product_id, 'requested', line.quantity, 'available', available);
        CONTINUE;
      END IF;
      allocations := stock_allocate(line.product_id, line.quantity, p_today);
    END IF;

    SELECT LEAST(p_expires_at, MIN(l."expiryDate")::timestamp) INTO hold_expires
      FROM jsonb_array_elements(allocations) a JOIN "Lot" l ON l.id = (a->>'lotId')::uuid;
    INSERT INTO "Hold" (id, "cartId", "productId", quantity, status, "expiresAt", "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), p_cart, line.product_id, line.quantity, 'HELD', hold_expires, p_now, p_now)
    RETURNING id INTO hold_id;
    INSERT INTO "HoldAllocation" ("holdId", "lotId", quantity)
    SELECT hold_id, (a->>'lotId')::uuid, (a->>'quantity')::integer FROM jsonb_array_elements(allocations) a;
    holds := holds || jsonb_build_object('holdId', hold_id, 'productId', line.product_id, 'quantity', line.quantity, 'expiresAt', hold_expires);
  END LOOP;

  IF jsonb_array_length(short) > 0 OR jsonb_array_length(unknown) > 0 THEN
    RETURN jsonb_build_object('ok', false, 'short', short, 'unknown', unknown);
  END IF;
  RETURN jsonb_build_object('ok', true, 'holds', holds, 'lowCheck', to_jsonb(stock_needs_low_check(product_ids, p_today)));
END $$;

-- The coalesced hold path: many carts' requests in one transaction and one commit. Each request
-- runs in its own subtransaction (a plpgsql block with an EXCEPTION clause), so one cart that is
-- short rolls back only its own changes and the others still commit: all or nothing per cart.
-- p_requests: [{cart, lines: [{productId, quantity}], expiresAt}]. Returns one outcome per request,
-- in order, each as stock_reserve_cart returns it.
CREATE FUNCTION stock_reserve_carts(p_requests jsonb, p_now timestamp, p_today date) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  request jsonb;
  outcome jsonb;
  outcomes jsonb := '[]'::jsonb;
BEGIN
  -- Lock every product of the batch up front, in id order (the one lock order of every path).
  PERFORM stock_lock_products(ARRAY(
    SELECT DISTINCT (l->>'productId')::uuid FROM jsonb_array_elements(p_requests) r, jsonb_array_elements(r->'lines') l
    UNION SELECT "productId" FROM "Hold" WHERE status = 'HELD' AND "cartId" IN (SELECT r->>'cart' FROM jsonb_array_elements(p_requests) r)
  ));
  FOR request IN SELECT value FROM jsonb_array_elements(p_requests) LOOP
    outcome := NULL;
    BEGIN
      outcome := stock_reserve_cart(request->>'cart', request->'lines', p_now, p_today, (request->>'expiresAt')::timestamp);
      IF NOT (outcome->>'ok')::boolean THEN
        RAISE EXCEPTION 'cart % cannot be held', request->>'cart' USING ERRCODE = 'SR001';
      END IF;
    EXCEPTION WHEN SQLSTATE 'SR001' THEN
      NULL; -- this cart's changes are rolled back; its outcome (kept in the variable) says why
    END;
    outcomes := outcomes || jsonb_build_array(outcome);
  END LOOP;
  RETURN outcomes;
END $$;
