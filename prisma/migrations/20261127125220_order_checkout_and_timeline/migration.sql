-- CreateEnum
CREATE TYPE "FulfilmentMethod" AS ENUM ('DELIVERY', 'COLLECTION');

-- CreateEnum
CREATE TYPE "OrderChannel" AS ENUM ('STOREFRONT', 'ADMIN', 'API', 'WORKER');

-- CreateEnum
CREATE TYPE "OrderEventKind" AS ENUM ('PLACED', 'STATUS', 'NOTE');

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "isCollectionPoint" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "collectionLocationId" UUID,
ADD COLUMN     "customerEmail" TEXT,
ADD COLUMN     "customerName" TEXT,
ADD COLUMN     "customerPhone" TEXT,
ADD COLUMN     "deliveryCity" TEXT,
ADD COLUMN     "deliveryCountry" TEXT,
ADD COLUMN     "deliveryLine1" TEXT,
ADD COLUMN     "deliveryLine2" TEXT,
ADD COLUMN     "deliveryPostcode" TEXT,
ADD COLUMN     "fulfilment" "FulfilmentMethod";

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "kind" "OrderEventKind" NOT NULL,
    "fromStatus" "OrderStatus",
    "toStatus" "OrderStatus",
    "actor" TEXT NOT NULL,
    "actorName" TEXT,
    "channel" "OrderChannel" NOT NULL,
    "body" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seq" BIGSERIAL NOT NULL,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_createdAt_idx" ON "OrderEvent"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_customerEmail_idx" ON "Order"("customerEmail");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_collectionLocationId_fkey" FOREIGN KEY ("collectionLocationId") REFERENCES "Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A delivery has an address; a collection has a location. Orders placed before checkout asked have neither.
ALTER TABLE "Order" ADD CONSTRAINT "Order_fulfilment_details" CHECK (
  "fulfilment" IS NULL
  OR ("fulfilment" = 'DELIVERY' AND "deliveryLine1" IS NOT NULL AND "deliveryCity" IS NOT NULL AND "deliveryPostcode" IS NOT NULL AND "deliveryCountry" IS NOT NULL)
  OR ("fulfilment" = 'COLLECTION' AND "collectionLocationId" IS NOT NULL)
);
ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_kind_fields" CHECK (
  ("kind" = 'STATUS' AND "toStatus" IS NOT NULL) OR ("kind" = 'NOTE' AND "body" IS NOT NULL) OR "kind" = 'PLACED'
);

-- Existing orders: a timeline from what they recorded (placed; their current status when it moved on).
INSERT INTO "OrderEvent" (id, "orderId", kind, "toStatus", actor, channel, "createdAt")
SELECT gen_random_uuid(), id, 'PLACED', 'PENDING', 'customer', 'STOREFRONT', "createdAt" FROM "Order";
INSERT INTO "OrderEvent" (id, "orderId", kind, "fromStatus", "toStatus", actor, channel, body, "createdAt")
SELECT gen_random_uuid(), id, 'STATUS', NULL, status, 'system:backfill', 'ADMIN', "cancelReason", COALESCE("cancelledAt", "updatedAt")
FROM "Order" WHERE status <> 'PENDING';
-- Customers' own emails on their existing orders.
UPDATE "Order" o SET "customerEmail" = c.email, "customerName" = c.name FROM "Customer" c WHERE c.id = o."customerId";
