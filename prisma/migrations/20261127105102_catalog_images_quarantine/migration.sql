-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "isQuarantine" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "description" TEXT,
ADD COLUMN     "minShelfLifeDays" INTEGER,
ADD COLUMN     "requiresExpiryDate" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ProductImage" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "altText" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProductImage_key_key" ON "ProductImage"("key");

-- CreateIndex
CREATE INDEX "ProductImage_productId_position_idx" ON "ProductImage"("productId", "position");

-- AddForeignKey
ALTER TABLE "ProductImage" ADD CONSTRAINT "ProductImage_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One quarantine location per producer.
CREATE UNIQUE INDEX "Location_one_quarantine_per_producer" ON "Location"("producerId") WHERE "isQuarantine";
-- A quarantine location is never sellable.
ALTER TABLE "Location" ADD CONSTRAINT "Location_quarantine_not_sellable" CHECK (NOT ("isQuarantine" AND "isSellable"));
ALTER TABLE "Product" ADD CONSTRAINT "Product_minShelfLifeDays_range" CHECK ("minShelfLifeDays" IS NULL OR "minShelfLifeDays" BETWEEN 0 AND 3650);
