-- CreateEnum
CREATE TYPE "CountKind" AS ENUM ('FULL', 'CYCLE');

-- CreateEnum
CREATE TYPE "CountStatus" AS ENUM ('COUNTING', 'APPROVED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "countEveryDays" INTEGER;

-- CreateTable
CREATE TABLE "CountSession" (
    "id" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "kind" "CountKind" NOT NULL,
    "locationId" UUID,
    "category" TEXT,
    "dueOnly" BOOLEAN NOT NULL DEFAULT false,
    "blind" BOOLEAN NOT NULL DEFAULT false,
    "status" "CountStatus" NOT NULL DEFAULT 'COUNTING',
    "recountUnits" INTEGER NOT NULL DEFAULT 2,
    "recountValueCents" INTEGER NOT NULL DEFAULT 5000,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "startedBy" UUID NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedBy" UUID,
    "cancelReason" TEXT,
    "countedLots" INTEGER,
    "matchedLots" INTEGER,
    "countedValueCents" BIGINT,
    "matchedValueCents" BIGINT,

    CONSTRAINT "CountSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CountLine" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "lotId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "expectedOnHand" INTEGER NOT NULL,
    "snapshotMovementId" BIGINT NOT NULL,
    "unitCostCents" INTEGER NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "recountRequested" BOOLEAN NOT NULL DEFAULT false,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "movementId" BIGINT,

    CONSTRAINT "CountLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CountEntry" (
    "id" UUID NOT NULL,
    "lineId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "countedAt" TIMESTAMP(3) NOT NULL,
    "countedBy" UUID NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CountEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CountSession_producerId_startedAt_idx" ON "CountSession"("producerId", "startedAt");

-- CreateIndex
CREATE INDEX "CountLine_productId_idx" ON "CountLine"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "CountLine_sessionId_lotId_key" ON "CountLine"("sessionId", "lotId");

-- CreateIndex
CREATE INDEX "CountEntry_lineId_round_idx" ON "CountEntry"("lineId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "CountEntry_sessionId_idempotencyKey_key" ON "CountEntry"("sessionId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "CountSession" ADD CONSTRAINT "CountSession_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountLine" ADD CONSTRAINT "CountLine_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CountSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountLine" ADD CONSTRAINT "CountLine_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountEntry" ADD CONSTRAINT "CountEntry_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "CountLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A lot is counted in at most one open session at a time: two open counts would apply its variance twice.
CREATE UNIQUE INDEX "CountLine_lotId_open_key" ON "CountLine"("lotId") WHERE "open";
ALTER TABLE "CountSession" ADD CONSTRAINT "CountSession_thresholds_check" CHECK ("recountUnits" >= 0 AND "recountValueCents" >= 0);
ALTER TABLE "CountLine" ADD CONSTRAINT "CountLine_expected_check" CHECK ("expectedOnHand" >= 0 AND round >= 1);
ALTER TABLE "Product" ADD CONSTRAINT "Product_countEveryDays_check" CHECK ("countEveryDays" IS NULL OR "countEveryDays" BETWEEN 1 AND 3650);
