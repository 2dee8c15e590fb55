-- CreateEnum
CREATE TYPE "HoldStatus" AS ENUM ('HELD', 'CONSUMED', 'RELEASED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PENDING', 'CONFIRMED', 'DISPATCHED', 'DELIVERED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MovementType" AS ENUM ('RECEIPT', 'FULFILMENT', 'ADJUSTMENT', 'WRITE_OFF', 'TRANSFER', 'COUNT', 'RETURN');

-- CreateTable
CREATE TABLE "Lot" (
    "id" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "lotNumber" TEXT NOT NULL,
    "expiryDate" DATE,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unitCostCents" INTEGER NOT NULL,
    "onHand" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Lot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hold" (
    "id" UUID NOT NULL,
    "cartId" TEXT NOT NULL,
    "productId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "status" "HoldStatus" NOT NULL DEFAULT 'HELD',
    "statusReason" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "orderId" UUID,

    CONSTRAINT "Hold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HoldAllocation" (
    "holdId" UUID NOT NULL,
    "lotId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "HoldAllocation_pkey" PRIMARY KEY ("holdId","lotId")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "producerId" UUID NOT NULL,
    "cartId" TEXT NOT NULL,
    "customerId" UUID,
    "status" "OrderStatus" NOT NULL DEFAULT 'PENDING',
    "stockMovedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLineAllocation" (
    "orderLineId" UUID NOT NULL,
    "lotId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "OrderLineAllocation_pkey" PRIMARY KEY ("orderLineId","lotId")
);

-- CreateTable
CREATE TABLE "Movement" (
    "id" BIGSERIAL NOT NULL,
    "lotId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "type" "MovementType" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "previousOnHand" INTEGER NOT NULL,
    "newOnHand" INTEGER NOT NULL,
    "unitCostCents" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "referenceType" TEXT,
    "referenceId" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Movement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "response" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("scope","key")
);

-- CreateIndex
CREATE INDEX "Lot_productId_expiryDate_receivedAt_idx" ON "Lot"("productId", "expiryDate", "receivedAt");

-- CreateIndex
CREATE INDEX "Lot_producerId_idx" ON "Lot"("producerId");

-- CreateIndex
CREATE UNIQUE INDEX "Lot_productId_locationId_lotNumber_key" ON "Lot"("productId", "locationId", "lotNumber");

-- CreateIndex
CREATE INDEX "Hold_cartId_status_idx" ON "Hold"("cartId", "status");

-- CreateIndex
CREATE INDEX "Hold_productId_status_expiresAt_idx" ON "Hold"("productId", "status", "expiresAt");

-- CreateIndex
CREATE INDEX "Hold_status_expiresAt_idx" ON "Hold"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "HoldAllocation_lotId_idx" ON "HoldAllocation"("lotId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");

-- CreateIndex
CREATE INDEX "Order_cartId_idx" ON "Order"("cartId");

-- CreateIndex
CREATE INDEX "Order_producerId_status_createdAt_idx" ON "Order"("producerId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");

-- CreateIndex
CREATE INDEX "OrderLine_producerId_idx" ON "OrderLine"("producerId");

-- CreateIndex
CREATE INDEX "OrderLine_productId_idx" ON "OrderLine"("productId");

-- CreateIndex
CREATE INDEX "OrderLineAllocation_lotId_idx" ON "OrderLineAllocation"("lotId");

-- CreateIndex
CREATE UNIQUE INDEX "Movement_idempotencyKey_key" ON "Movement"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Movement_lotId_id_idx" ON "Movement"("lotId", "id");

-- CreateIndex
CREATE INDEX "Movement_productId_id_idx" ON "Movement"("productId", "id");

-- CreateIndex
CREATE INDEX "Movement_producerId_createdAt_idx" ON "Movement"("producerId", "createdAt");

-- AddForeignKey
ALTER TABLE "Lot" ADD CONSTRAINT "Lot_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lot" ADD CONSTRAINT "Lot_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lot" ADD CONSTRAINT "Lot_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hold" ADD CONSTRAINT "Hold_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HoldAllocation" ADD CONSTRAINT "HoldAllocation_holdId_fkey" FOREIGN KEY ("holdId") REFERENCES "Hold"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HoldAllocation" ADD CONSTRAINT "HoldAllocation_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLineAllocation" ADD CONSTRAINT "OrderLineAllocation_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLineAllocation" ADD CONSTRAINT "OrderLineAllocation_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Movement" ADD CONSTRAINT "Movement_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Movement" ADD CONSTRAINT "Movement_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: constraints Prisma cannot express, and the stock functions. The schema snapshot
-- does not see any of this, ARCHITECTURE.md lists it.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "Lot" ADD CONSTRAINT "Lot_onHand_nonnegative" CHECK ("onHand" >= 0);
ALTER TABLE "Lot" ADD CONSTRAINT "Lot_reserved_within_onHand" CHECK ("reserved" >= 0 AND "reserved" <= "onHand");
ALTER TABLE "Lot" ADD CONSTRAINT "Lot_unitCost_nonnegative" CHECK ("unitCostCents" >= 0);
ALTER TABLE "Hold" ADD CONSTRAINT "Hold_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "HoldAllocation" ADD CONSTRAINT "HoldAllocation_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "OrderLineAllocation" ADD CONSTRAINT "OrderLineAllocation_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "Movement" ADD CONSTRAINT "Movement_newOnHand_consistent" CHECK ("newOnHand" = "previousOnHand" + "quantity" AND "newOnHand" >= 0 AND "quantity" <> 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_money_nonnegative" CHECK ("priceCents" >= 0 AND "unitCostCents" >= 0 AND "minStockLevel" >= 0 AND "leadTimeDays" >= 0);

-- One live hold per cart and product.
CREATE UNIQUE INDEX "Hold_one_live_per_cart_product" ON "Hold" ("cartId", "productId") WHERE "status" = 'HELD';

-- The ledger is append-only.
CREATE FUNCTION stock_reject_movement_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Movement rows are append-only (% rejected)', TG_OP USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER "Movement_append_only" BEFORE UPDATE OR DELETE ON "Movement" FOR EACH ROW EXECUTE FUNCTION stock_reject_movement_change();
CREATE TRIGGER "Movement_no_truncate" BEFORE TRUNCATE ON "Movement" FOR EACH STATEMENT EXECUTE FUNCTION stock_reject_movement_change();

-- Every path that changes a product's lots or holds first locks the product rows, in id order.
-- One canonical lock order means no deadlocks, whatever order a basket lists its lines in.
-- NO KEY UPDATE does not block inserts of rows that reference the product.
CREATE FUNCTION stock_lock_products(p_product_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT NULL::void FROM (SELECT id FROM "Product" WHERE id = ANY(p_product_ids) ORDER BY id FOR NO KEY UPDATE) locked;
$$;

-- Units a customer can take now: sellable locations, lots not expired (expiry > today).
CREATE FUNCTION stock_available(p_product_id uuid, p_today date) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT COALESCE(SUM(l."onHand" - l.reserved), 0)::integer
  FROM "Lot" l JOIN "Location" loc ON loc.id = l."locationId"
  WHERE l."productId" = p_product_id AND loc."isSellable"
    AND (l."expiryDate" IS NULL OR l."expiryDate" > p_today);
$$;

-- Ends holds (caller holds the product locks) and returns their units to the lots.
CREATE FUNCTION stock_end_holds(p_hold_ids uuid[], p_status "HoldStatus", p_reason text, p_now timestamp) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE ended integer;
BEGIN
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

-- Expires every HELD hold of these products whose time has passed (caller holds the locks).
CREATE FUNCTION stock_expire_due_holds(p_product_ids uuid[], p_now timestamp, p_reason text) RETURNS integer LANGUAGE sql AS $$
  SELECT stock_end_holds(
    ARRAY(SELECT id FROM "Hold" WHERE "productId" = ANY(p_product_ids) AND status = 'HELD' AND "expiresAt" <= p_now),
    'EXPIRED', p_reason, p_now);
$$;

-- Reserves p_quantity FEFO (earliest expiry, then earliest received, never expiry <= today) and
-- returns [{lotId, quantity}], or NULL when short (the caller rolls the transaction back).
CREATE FUNCTION stock_allocate(p_product_id uuid, p_quantity integer, p_today date) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  lot record;
  remaining integer := p_quantity;
  take integer;
  allocations jsonb := '[]'::jsonb;
BEGIN
  FOR lot IN
    SELECT l.id, l."onHand" - l.reserved AS available
    FROM "Lot" l JOIN "Location" loc ON loc.id = l."locationId"
    WHERE l."productId" = p_product_id AND loc."isSellable" AND l."onHand" > l.reserved
      AND (l."expiryDate" IS NULL OR l."expiryDate" > p_today)
    ORDER BY l."expiryDate" ASC NULLS LAST, l."receivedAt" ASC, l.id ASC
  LOOP
    EXIT WHEN remaining = 0;
    take := LEAST(remaining, lot.available);
    UPDATE "Lot" SET reserved = reserved + take WHERE id = lot.id AND "onHand" - reserved >= take;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'lot % changed while its product was locked', lot.id;
    END IF;
    allocations := allocations || jsonb_build_object('lotId', lot.id, 'quantity', take);
    remaining := remaining - take;
  END LOOP;
  IF remaining > 0 THEN
    RETURN NULL;
  END IF;
  RETURN allocations;
END $$;

-- The hold path in one call: sets the cart's holds to p_lines ([{productId, quantity}], one per
-- product), all or nothing. Live holds with the same quantity and no expired lot are refreshed in
-- place, others are replaced, products no longer in the cart are released. Expired holds of these
-- products (any cart) are ended first, so a lapsed hold never blocks anyone.
-- Returns {ok: true, holds: [...]} or {ok: false, short: [...], unknown: [...]}.
CREATE FUNCTION stock_reserve_cart(p_cart text, p_lines jsonb, p_now timestamp, p_today date, p_expires_at timestamp)
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
  RETURN jsonb_build_object('ok', true, 'holds', holds);
END $$;

-- Ends specific holds (worker job at expiresAt, customer release) under the product locks.
-- p_only_due: only holds whose expiresAt has passed (the expiry job, refreshed holds survive).
CREATE FUNCTION stock_end_cart_holds(p_hold_ids uuid[], p_status "HoldStatus", p_reason text, p_now timestamp, p_only_due boolean)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stock_lock_products(ARRAY(SELECT DISTINCT "productId" FROM "Hold" WHERE id = ANY(p_hold_ids) AND status = 'HELD'));
  RETURN stock_end_holds(
    ARRAY(SELECT id FROM "Hold" WHERE id = ANY(p_hold_ids) AND status = 'HELD' AND (NOT p_only_due OR "expiresAt" <= p_now)),
    p_status, p_reason, p_now);
END $$;

-- What a customer sees as available now: like stock_available, plus the units of holds whose time
-- has passed but that no worker has released yet (after expiresAt a hold never blocks anyone).
CREATE FUNCTION stock_available_now(p_product_id uuid, p_now timestamp, p_today date) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT stock_available(p_product_id, p_today) + COALESCE((
    SELECT SUM(a.quantity)::integer
    FROM "Hold" h
    JOIN "HoldAllocation" a ON a."holdId" = h.id
    JOIN "Lot" l ON l.id = a."lotId"
    JOIN "Location" loc ON loc.id = l."locationId"
    WHERE h."productId" = p_product_id AND h.status = 'HELD' AND h."expiresAt" <= p_now
      AND loc."isSellable" AND (l."expiryDate" IS NULL OR l."expiryDate" > p_today)
  ), 0);
$$;
