-- The coalesced hold path (group commit): many carts' requests in one transaction and one commit.
-- p_requests: [{cart, lines: [{productId, quantity}], expiresAt, maxPerProduct}] (maxPerProduct: the
-- default per-product limit for products without maxPerCart, as in stock_hold_cart_lines).
-- Returns {outcomes: [one per request, in order, {ok, holds} or {ok, short, unknown, overLimit, archived}], lowCheck: [...]}.
-- An archived product (no longer sold) is named in archived, as stock_hold_cart_lines does.
-- Carts that hold nothing yet (the usual "proceed to checkout") are decided set-wise: the batch's
-- sellable lots are read once in FEFO order (stock_fefo_lots), every such cart is decided in memory
-- in request order (all or nothing per cart), and all their holds, allocations and lot
-- reservations are written with three statements. Carts with live holds, or repeated in the batch,
-- then run one by one through stock_hold_cart_lines, each in its own subtransaction.
CREATE OR REPLACE FUNCTION stock_reserve_carts(p_requests jsonb, p_now timestamp, p_today date) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  request_count integer := jsonb_array_length(p_requests);
  carts text[];
  product_ids uuid[];
  busy_carts text[];
  is_fresh boolean[];
  outcomes jsonb[];
  request jsonb;
  line record;
  i integer;
  j integer;
  -- The batch's sellable lots, grouped by product, FEFO within a product: parallel arrays.
  lot_ids uuid[];
  lot_products uuid[];
  lot_expiry date[];
  lot_free integer[];
  lot_taken integer[];
  first_lot jsonb;
  tracked jsonb;
  caps jsonb;
  over_limit jsonb;
  archived_products jsonb;
  archived jsonb;
  -- What the fresh carts get, written set-wise at the end.
  hold_ids uuid[] := '{}';
  hold_carts text[] := '{}';
  hold_products uuid[] := '{}';
  hold_quantities integer[] := '{}';
  hold_expiries timestamp[] := '{}';
  alloc_holds uuid[] := '{}';
  alloc_lots uuid[] := '{}';
  alloc_quantities integer[] := '{}';
  free_units integer;
  remaining integer;
  take integer;
  hold_id uuid;
  hold_expires timestamp;
  holds jsonb;
  short jsonb;
  unknown jsonb;
  updated integer;
BEGIN
  -- Lock every product of the batch up front, in id order (the one lock order of every path), and
  -- end their lapsed holds once for the whole batch.
  -- Carts are looked up by cart alone (MATERIALIZED keeps the status test out of the scan): with
  -- "status = 'HELD'" beside it the planner may pick the (status, expiresAt) index and read every
  -- live hold of the shop, once per batch.
  carts := ARRAY(SELECT DISTINCT r->>'cart' FROM jsonb_array_elements(p_requests) r);
  product_ids := ARRAY(
    WITH cart_holds AS MATERIALIZED (SELECT "productId", status FROM "Hold" WHERE "cartId" = ANY(carts))
    SELECT DISTINCT (l->>'productId')::uuid FROM jsonb_array_elements(p_requests) r, jsonb_array_elements(r->'lines') l
    UNION SELECT "productId" FROM cart_holds WHERE status = 'HELD');
  PERFORM stock_lock_products(product_ids);
  PERFORM stock_expire_due_holds(product_ids, p_now, 'expired: released when another hold needed the stock');

  -- Fresh: the cart's first request in this batch, and the cart holds nothing now. Read under the
  -- locks: a concurrent batch of the same cart and product has committed or not started.
  busy_carts := ARRAY(
    WITH cart_holds AS MATERIALIZED (SELECT "cartId", status FROM "Hold" WHERE "cartId" = ANY(carts))
    SELECT DISTINCT "cartId" FROM cart_holds WHERE status = 'HELD');
  is_fresh := ARRAY(
    SELECT NOT (r.value->>'cart' = ANY(busy_carts)) AND r.ordinality = MIN(r.ordinality) OVER (PARTITION BY r.value->>'cart')
    FROM jsonb_array_elements(p_requests) WITH ORDINALITY r ORDER BY r.ordinality);
  outcomes := array_fill(NULL::jsonb, ARRAY[request_count]);

  SELECT COALESCE(jsonb_object_agg(id, "trackInventory"), '{}'), COALESCE(jsonb_object_agg(id, "maxPerCart") FILTER (WHERE "maxPerCart" IS NOT NULL), '{}'),
         COALESCE(jsonb_object_agg(id, true) FILTER (WHERE "archivedAt" IS NOT NULL), '{}')
    INTO tracked, caps, archived_products FROM "Product" WHERE id = ANY(product_ids);
  SELECT array_agg(f.lot_id ORDER BY f.product_id, f.fefo_rank), array_agg(f.product_id ORDER BY f.product_id, f.fefo_rank),
         array_agg(f.expiry_date ORDER BY f.product_id, f.fefo_rank), array_agg(f.free ORDER BY f.product_id, f.fefo_rank)
    INTO lot_ids, lot_products, lot_expiry, lot_free
    FROM stock_fefo_lots(product_ids, p_today) f
    WHERE f.is_sellable AND f.free > 0;
  lot_ids := COALESCE(lot_ids, '{}');
  lot_taken := array_fill(0, ARRAY[GREATEST(cardinality(lot_ids), 1)]);
  SELECT COALESCE(jsonb_object_agg(p, n), '{}') INTO first_lot
    FROM (SELECT lot_products[k] AS p, MIN(k) AS n FROM generate_subscripts(lot_ids, 1) k GROUP BY 1) firsts;

  FOR i IN 1 .. request_count LOOP
    CONTINUE WHEN NOT is_fresh[i];
    request := p_requests->(i - 1);
    short := '[]'; unknown := '[]'; over_limit := '[]'; archived := '[]';
    -- Decide first (nothing changes for a cart that cannot be held whole), naming short and unknown
    -- lines in product id order as stock_hold_cart_lines does ...
    FOR line IN SELECT (l->>'productId')::uuid AS product_id, (l->>'quantity')::integer AS quantity
                FROM jsonb_array_elements(request->'lines') l ORDER BY 1 LOOP
      IF NOT tracked ? line.product_id::text THEN
        unknown := unknown || to_jsonb(line.product_id);
      ELSIF archived_products ? line.product_id::text THEN
        archived := archived || to_jsonb(line.product_id);
      ELSIF line.quantity > stock_cart_limit((caps->>line.product_id::text)::integer, (request->>'maxPerProduct')::integer) THEN
        over_limit := over_limit || jsonb_build_object('productId', line.product_id, 'requested', line.quantity,
                                                       'max', stock_cart_limit((caps->>line.product_id::text)::integer, (request->>'maxPerProduct')::integer));
      ELSIF (tracked->>line.product_id::text)::boolean THEN
        free_units := 0;
        j := (first_lot->>line.product_id::text)::integer;
        WHILE j IS NOT NULL AND j <= cardinality(lot_ids) AND lot_products[j] = line.product_id LOOP
          free_units := free_units + lot_free[j] - lot_taken[j];
          j := j + 1;
        END LOOP;
        IF free_units < line.quantity THEN
          short := short || jsonb_build_object('productId', line.product_id, 'requested', line.quantity, 'available', free_units);
        END IF;
      END IF;
    END LOOP;
    IF jsonb_array_length(short) > 0 OR jsonb_array_length(unknown) > 0 OR jsonb_array_length(over_limit) > 0 OR jsonb_array_length(archived) > 0 THEN
      outcomes[i] := jsonb_build_object('ok', false, 'short', short, 'unknown', unknown, 'overLimit', over_limit, 'archived', archived);
      CONTINUE;
    END IF;
    -- ... then take FEFO.
    holds := '[]';
    FOR line IN SELECT (l->>'productId')::uuid AS product_id, (l->>'quantity')::integer AS quantity
                FROM jsonb_array_elements(request->'lines') l ORDER BY 1 LOOP
      hold_id := gen_random_uuid();
      hold_expires := (request->>'expiresAt')::timestamp;
      IF (tracked->>line.product_id::text)::boolean THEN
        remaining := line.quantity;
        j := (first_lot->>line.product_id::text)::integer;
        WHILE remaining > 0 LOOP
          IF j IS NULL OR j > cardinality(lot_ids) OR lot_products[j] IS DISTINCT FROM line.product_id THEN
            RAISE EXCEPTION 'cart % took more of product % than was free', request->>'cart', line.product_id;
          END IF;
          take := LEAST(remaining, lot_free[j] - lot_taken[j]);
          IF take > 0 THEN
            lot_taken[j] := lot_taken[j] + take;
            remaining := remaining - take;
            alloc_holds := alloc_holds || hold_id;
            alloc_lots := alloc_lots || lot_ids[j];
            alloc_quantities := alloc_quantities || take;
            hold_expires := stock_hold_end(hold_expires, lot_expiry[j]);
          END IF;
          j := j + 1;
        END LOOP;
      END IF;
      hold_ids := hold_ids || hold_id;
      hold_carts := hold_carts || (request->>'cart');
      hold_products := hold_products || line.product_id;
      hold_quantities := hold_quantities || line.quantity;
      hold_expiries := hold_expiries || hold_expires;
      holds := holds || jsonb_build_object('holdId', hold_id, 'productId', line.product_id, 'quantity', line.quantity, 'expiresAt', hold_expires);
    END LOOP;
    outcomes[i] := jsonb_build_object('ok', true, 'holds', holds);
  END LOOP;

  INSERT INTO "Hold" (id, "cartId", "productId", quantity, status, "expiresAt", "createdAt", "updatedAt")
  SELECT h.id, h.cart, h.product, h.quantity, 'HELD', h.expires, p_now, p_now
  FROM unnest(hold_ids, hold_carts, hold_products, hold_quantities, hold_expiries) AS h(id, cart, product, quantity, expires);
  INSERT INTO "HoldAllocation" ("holdId", "lotId", quantity)
  SELECT a.hold, a.lot, SUM(a.quantity) FROM unnest(alloc_holds, alloc_lots, alloc_quantities) AS a(hold, lot, quantity) GROUP BY 1, 2;
  -- The lots are locked through their products; the condition re-proves there is room all the same.
  WITH taken AS (
    SELECT t.id, t.quantity FROM unnest(lot_ids, lot_taken[1:cardinality(lot_ids)]) AS t(id, quantity) WHERE t.quantity > 0
  ), reserved AS (
    UPDATE "Lot" l SET reserved = l.reserved + t.quantity FROM taken t WHERE l.id = t.id AND l."onHand" - l.reserved >= t.quantity RETURNING 1
  )
  SELECT (SELECT COUNT(*) FROM reserved) - (SELECT COUNT(*) FROM taken) INTO updated;
  IF updated <> 0 THEN
    RAISE EXCEPTION 'a lot changed while its product was locked';
  END IF;

  -- The rest, one by one: a cart with live holds (refresh, replace, release), or a repeat in this batch.
  FOR i IN 1 .. request_count LOOP
    CONTINUE WHEN is_fresh[i];
    request := p_requests->(i - 1);
    BEGIN
      outcomes[i] := stock_hold_cart_lines(request->>'cart', request->'lines', p_now, p_today, (request->>'expiresAt')::timestamp,
                                           (request->>'maxPerProduct')::integer);
      IF NOT (outcomes[i]->>'ok')::boolean THEN
        RAISE EXCEPTION 'cart % cannot be held', request->>'cart' USING ERRCODE = 'SR001';
      END IF;
    EXCEPTION WHEN SQLSTATE 'SR001' THEN
      NULL; -- this cart's changes are rolled back; its outcome (kept in the array) says why
    END;
  END LOOP;

  RETURN jsonb_build_object('outcomes', to_jsonb(outcomes), 'lowCheck', to_jsonb(stock_needs_low_check(product_ids, p_now, p_today)));
END $$;
