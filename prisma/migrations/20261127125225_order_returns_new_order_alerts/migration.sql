-- CreateEnum
CREATE TYPE "ReturnDisposition" AS ENUM ('RESTOCK', 'WRITE_OFF');

-- AlterTable
ALTER TABLE "AlertSettings" ADD COLUMN     "newOrderAlerts" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "OrderReturn" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderReturn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderReturnLine" (
    "id" UUID NOT NULL,
    "orderReturnId" UUID NOT NULL,
    "orderLineId" UUID NOT NULL,
    "lotId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "disposition" "ReturnDisposition" NOT NULL,

    CONSTRAINT "OrderReturnLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderReturn_orderId_idx" ON "OrderReturn"("orderId");

-- CreateIndex
CREATE INDEX "OrderReturn_producerId_createdAt_idx" ON "OrderReturn"("producerId", "createdAt");

-- CreateIndex
CREATE INDEX "OrderReturnLine_orderReturnId_idx" ON "OrderReturnLine"("orderReturnId");

-- CreateIndex
CREATE INDEX "OrderReturnLine_orderLineId_lotId_idx" ON "OrderReturnLine"("orderLineId", "lotId");

-- CreateIndex
CREATE INDEX "OrderReturnLine_lotId_idx" ON "OrderReturnLine"("lotId");

-- AddForeignKey
ALTER TABLE "OrderReturn" ADD CONSTRAINT "OrderReturn_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderReturnLine" ADD CONSTRAINT "OrderReturnLine_orderReturnId_fkey" FOREIGN KEY ("orderReturnId") REFERENCES "OrderReturn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderReturnLine" ADD CONSTRAINT "OrderReturnLine_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderReturnLine" ADD CONSTRAINT "OrderReturnLine_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a return line moves at least one unit.
ALTER TABLE "OrderReturnLine" ADD CONSTRAINT "OrderReturnLine_quantity_positive" CHECK (quantity > 0);
