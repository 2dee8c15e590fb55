-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('PLATFORM_ADMIN', 'PRODUCER_ADMIN', 'PRODUCER_STAFF');

-- CreateEnum
CREATE TYPE "HoldStatus" AS ENUM ('HELD', 'CONSUMED', 'RELEASED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PENDING', 'CONFIRMED', 'DISPATCHED', 'DELIVERED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MovementType" AS ENUM ('RECEIPT', 'FULFILMENT', 'ADJUSTMENT', 'WRITE_OFF', 'TRANSFER', 'COUNT', 'RETURN');

-- CreateEnum
CREATE TYPE "ExpiryBand" AS ENUM ('DAYS_90', 'DAYS_30', 'DAYS_7', 'EXPIRED');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'SMS', 'WHATSAPP');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'OUTBOX', 'FAILED');

-- CreateTable
CREATE TABLE "Producer" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Producer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Staff" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "producerId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL,
    "staffId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Location" (
    "id" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "isSellable" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "unitCostCents" INTEGER NOT NULL,
    "minStockLevel" INTEGER NOT NULL DEFAULT 0,
    "trackInventory" BOOLEAN NOT NULL DEFAULT true,
    "leadTimeDays" INTEGER NOT NULL DEFAULT 7,
    "barcode" TEXT,
    "lowStockNotifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

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
    "expiryBand" "ExpiryBand",
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

-- CreateTable
CREATE TABLE "LowStockAlert" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
    "availableAtOpen" INTEGER NOT NULL,
    "minimumAtOpen" INTEGER NOT NULL,
    "available" INTEGER NOT NULL,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "notifyCount" INTEGER NOT NULL DEFAULT 0,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "lastNotifiedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "LowStockAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LotExpiryAlert" (
    "lotId" UUID NOT NULL,
    "band" "ExpiryBand" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LotExpiryAlert_pkey" PRIMARY KEY ("lotId","band")
);

-- CreateTable
CREATE TABLE "AlertSettings" (
    "producerId" UUID NOT NULL,
    "emailRecipients" TEXT[],
    "smsRecipients" TEXT[],
    "whatsappRecipients" TEXT[],
    "lowStockChannels" "NotificationChannel"[],
    "escalationChannels" "NotificationChannel"[],
    "expiryChannels" "NotificationChannel"[],
    "quietHoursStartHour" INTEGER,
    "quietHoursEndHour" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertSettings_pkey" PRIMARY KEY ("producerId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "provider" TEXT,
    "providerMessageId" TEXT,
    "sendAfter" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Producer_slug_key" ON "Producer"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Staff_email_key" ON "Staff"("email");

-- CreateIndex
CREATE INDEX "Staff_producerId_idx" ON "Staff"("producerId");

-- CreateIndex
CREATE INDEX "StaffSession_staffId_idx" ON "StaffSession"("staffId");

-- CreateIndex
CREATE INDEX "StaffSession_expiresAt_idx" ON "StaffSession"("expiresAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_key_createdAt_idx" ON "LoginAttempt"("key", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_email_key" ON "Customer"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Location_producerId_name_key" ON "Location"("producerId", "name");

-- CreateIndex
CREATE INDEX "Product_producerId_name_idx" ON "Product"("producerId", "name");

-- CreateIndex
CREATE INDEX "Product_category_idx" ON "Product"("category");

-- CreateIndex
CREATE UNIQUE INDEX "Product_producerId_sku_key" ON "Product"("producerId", "sku");

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

-- CreateIndex
CREATE INDEX "LowStockAlert_producerId_status_idx" ON "LowStockAlert"("producerId", "status");

-- CreateIndex
CREATE INDEX "LowStockAlert_status_lastNotifiedAt_idx" ON "LowStockAlert"("status", "lastNotifiedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_producerId_createdAt_idx" ON "Notification"("producerId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_status_idx" ON "Notification"("status");

-- AddForeignKey
ALTER TABLE "Staff" ADD CONSTRAINT "Staff_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Location" ADD CONSTRAINT "Location_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

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

-- AddForeignKey
ALTER TABLE "LowStockAlert" ADD CONSTRAINT "LowStockAlert_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotExpiryAlert" ADD CONSTRAINT "LotExpiryAlert_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertSettings" ADD CONSTRAINT "AlertSettings_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: what Prisma's schema cannot express (CHECK constraints, partial unique indexes,
-- the trigram extension and indexes, a generated column). The schema snapshot does not see these.
-- Functions, triggers and views are NOT here: each has one file in prisma/sql/, applied after the
-- migrations on every migrate (see ARCHITECTURE.md, "SQL with one home").
-- ---------------------------------------------------------------------------------------------

-- Quantities and money are never negative; reserved never exceeds on hand.
ALTER TABLE "Lot" ADD CONSTRAINT "Lot_onHand_nonnegative" CHECK ("onHand" >= 0);
ALTER TABLE "Lot" ADD CONSTRAINT "Lot_reserved_within_onHand" CHECK ("reserved" >= 0 AND "reserved" <= "onHand");
ALTER TABLE "Lot" ADD CONSTRAINT "Lot_unitCost_nonnegative" CHECK ("unitCostCents" >= 0);
ALTER TABLE "Hold" ADD CONSTRAINT "Hold_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "HoldAllocation" ADD CONSTRAINT "HoldAllocation_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "OrderLineAllocation" ADD CONSTRAINT "OrderLineAllocation_quantity_positive" CHECK ("quantity" > 0);
-- A movement explains its change of on hand exactly.
ALTER TABLE "Movement" ADD CONSTRAINT "Movement_newOnHand_consistent" CHECK ("newOnHand" = "previousOnHand" + "quantity" AND "newOnHand" >= 0 AND "quantity" <> 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_money_nonnegative" CHECK ("priceCents" >= 0 AND "unitCostCents" >= 0 AND "minStockLevel" >= 0 AND "leadTimeDays" >= 0);
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_attempts_nonnegative" CHECK (attempts >= 0);
ALTER TABLE "AlertSettings" ADD CONSTRAINT "AlertSettings_quiet_hours_valid" CHECK (
  ("quietHoursStartHour" IS NULL AND "quietHoursEndHour" IS NULL)
  OR ("quietHoursStartHour" BETWEEN 0 AND 23 AND "quietHoursEndHour" BETWEEN 0 AND 23)
);

-- One live hold per cart and product; one open low-stock alert per product.
CREATE UNIQUE INDEX "Hold_one_live_per_cart_product" ON "Hold" ("cartId", "productId") WHERE "status" = 'HELD';
CREATE UNIQUE INDEX "LowStockAlert_one_open_per_product" ON "LowStockAlert" ("productId") WHERE status = 'OPEN';

-- Catalog search over 100,000+ products. Case-insensitive search without lowering every row at
-- query time: on a UTF-8 database ILIKE lowers both sides per comparison; a stored lower(name)
-- turns it into a plain LIKE, ~2.5x cheaper per row. Prisma never writes searchName (schema.prisma
-- cannot declare a generated column, so it does not list it); Postgres keeps it in step with name.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE "Product" ADD COLUMN "searchName" text GENERATED ALWAYS AS (lower(name)) STORED;
-- Trigram GIN indexes serve substring search on the name and the SKU.
CREATE INDEX "Product_searchName_trgm" ON "Product" USING gin ("searchName" gin_trgm_ops);
CREATE INDEX "Product_sku_trgm" ON "Product" USING gin (sku gin_trgm_ops);
-- Walks in name order (the catalog's default sort, with or without a category) filter on
-- searchName from the index itself: index-only scans that never read the table.
CREATE INDEX "Product_name_id_search" ON "Product" (name, id) INCLUDE ("searchName");
CREATE INDEX "Product_category_name_id_search" ON "Product" (category, name, id) INCLUDE ("searchName");
